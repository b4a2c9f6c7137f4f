namespace Campaigns.Import;

/// <summary>The two passes of an import over its file.</summary>
public enum ImportPhase
{
    /// <summary>First pass: reading customers and catalogue items, which are written before any event that refers to them.</summary>
    Catalogue,

    /// <summary>Second pass: reading and writing the events.</summary>
    Events,
}

/// <summary>How far an import has come, reported a few times per second.</summary>
/// <param name="Phase">The pass being read.</param>
/// <param name="LinesRead">Data lines read in this pass.</param>
/// <param name="EventsStored">Events stored so far (new ones only).</param>
/// <param name="BytesRead">Bytes of the file (compressed, for a gzip file) read in this pass.</param>
/// <param name="TotalBytes">Size of the file in bytes.</param>
public sealed record ImportProgress(ImportPhase Phase, long LinesRead, long EventsStored, long BytesRead, long TotalBytes)
{
    /// <summary>Share of the whole import done, from 0 to 1: each pass counts for half.</summary>
    public double Fraction
    {
        get
        {
            var pass = TotalBytes <= 0 ? 1.0 : Math.Clamp((double)BytesRead / TotalBytes, 0, 1);
            return ((int)Phase + pass) / 2;
        }
    }
}

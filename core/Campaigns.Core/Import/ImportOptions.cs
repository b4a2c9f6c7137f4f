namespace Campaigns.Import;

/// <summary>Tuning of <see cref="InteractionImporter"/>; the defaults suit files of millions of lines.</summary>
public sealed record ImportOptions
{
    /// <summary>The defaults.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>Rows handed to the writer per call.</summary>
    public int BatchSize { get; init; } = 10_000;

    /// <summary>How many bad rows are described in <see cref="ImportResult.Errors"/>; all of them are counted.</summary>
    public int MaxErrorSamples { get; init; } = 100;

    /// <summary>Least time between two progress reports.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}

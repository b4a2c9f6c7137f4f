namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>
/// Little-endian binary fields of stored models (BinaryWriter's layout): arrays as a length then the values, id maps
/// as a count then the ids in index order, so a model read back maps every id to the index it was trained with.
/// </summary>
internal static class ArtefactIO
{
    public static void WriteInts(this BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static void WriteDoubles(this BinaryWriter writer, double[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static void WriteFloats(this BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static void WriteIds(this BinaryWriter writer, IdMap ids)
    {
        writer.Write(ids.Count);
        for (var i = 0; i < ids.Count; i++) writer.Write(ids[i]);
    }

    public static int[] ReadInts(this BinaryReader reader)
    {
        var values = new int[Length(reader)];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadInt32();
        return values;
    }

    public static double[] ReadDoubles(this BinaryReader reader)
    {
        var values = new double[Length(reader)];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadDouble();
        return values;
    }

    public static float[] ReadFloats(this BinaryReader reader)
    {
        var values = new float[Length(reader)];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadSingle();
        return values;
    }

    public static string[] ReadStrings(this BinaryReader reader)
    {
        var values = new string[Length(reader)];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadString();
        return values;
    }

    /// <summary>
    /// Whether <paramref name="offsets"/> are the row starts of <paramref name="rows"/> rows over <paramref name="entries"/>
    /// entries: from 0, never going down, ending at the entry count (a damaged artefact must not index out of a row).
    /// </summary>
    public static bool AreRowOffsets(int[] offsets, int rows, int entries)
    {
        if (offsets.Length != rows + 1 || offsets[0] != 0 || offsets[^1] != entries) return false;
        for (var r = 0; r < rows; r++) if (offsets[r + 1] < offsets[r]) return false;
        return true;
    }

    public static IdMap ReadIds(this BinaryReader reader)
    {
        var ids = new IdMap();
        var count = Length(reader);
        for (var i = 0; i < count; i++) ids.GetOrAdd(reader.ReadString());
        return ids;
    }

    /// <summary>An artefact: the format line, then what <paramref name="body"/> writes.</summary>
    public static byte[] Create(string format, Action<BinaryWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(format);
            body(writer);
        }
        return stream.ToArray();
    }

    /// <summary>Reads an artefact of <paramref name="format"/> with <paramref name="body"/>; a short one is reported as truncated.</summary>
    /// <exception cref="InvalidDataException">Another format, or a damaged or truncated artefact.</exception>
    public static T Open<T>(byte[] artefact, string format, Func<BinaryReader, T> body)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(artefact, writable: false));
            reader.ExpectFormat(format);
            return body(reader);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"the {format} model is truncated", ex);
        }
    }

    /// <summary>Checks the format line every artefact starts with.</summary>
    public static void ExpectFormat(this BinaryReader reader, string format)
    {
        var found = reader.ReadString();
        if (found != format) throw new InvalidDataException($"expected a model of format {format}, got {found}");
    }

    // A corrupt length must fail as bad data, not as an attempt to allocate gigabytes.
    private static int Length(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length) throw new InvalidDataException($"corrupt model: length {length}");
        return length;
    }
}

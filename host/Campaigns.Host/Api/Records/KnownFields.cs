using System.Text;
using System.Text.Json;

namespace Campaigns.Host.Api.Records;

/// <summary>
/// The field names a record may have, kept as UTF-8 so that checking a record's names compares bytes in place: taking
/// each property's name as a string allocated one string per field of every record of every batch. A field's position
/// in the list is its slot in <see cref="RecordFields"/>.
/// </summary>
internal sealed class KnownFields(params string[] names)
{
    private readonly byte[][] _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];

    /// <summary>How many names are known.</summary>
    public int Count => names.Length;

    /// <summary>The position of the property's name (escaped or not) among the known names, or -1.</summary>
    public int IndexOf(JsonProperty property)
    {
        for (var i = 0; i < _utf8.Length; i++)
            if (property.NameEquals(_utf8[i])) return i;
        return -1;
    }

    /// <summary>The position of <paramref name="name"/> among the known names, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < names.Length; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }
}

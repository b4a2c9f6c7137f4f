using System.Text;
using System.Text.Json;

namespace Campaigns.Host.Api.Records;

/// <summary>
/// The field names a record may have, kept as UTF-8 so that checking a record's names compares bytes in place: taking
/// each property's name as a string allocated one string per field of every record of every batch.
/// </summary>
internal sealed class KnownFields(params string[] names)
{
    private readonly byte[][] _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];

    /// <summary>True when the property's name (escaped or not) is one of the known names.</summary>
    public bool Contains(JsonProperty property)
    {
        foreach (var name in _utf8)
            if (property.NameEquals(name)) return true;
        return false;
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Ingest;

namespace Campaigns.Host.Api.Records;

/// <summary>Reads customer upserts: contact fields, an IANA time zone, consent flags and free attributes.</summary>
internal static partial class CustomerRecords
{
    private static readonly KnownFields Known = new("id", "email", "phone", "timeZone", "locale", "consent", "attributes");

    private static readonly ConcurrentDictionary<string, bool> IanaZones = new(StringComparer.Ordinal);

    /// <summary>The patch, or null when the record is not an object or has no usable id.</summary>
    public static CustomerPatch? Read(RecordFields fields)
    {
        if (!fields.IsObject()) return null;
        fields.RejectUnknown(Known);
        var id = fields.RequiredText("id", 200);
        var patch = new CustomerPatch(id ?? "")
        {
            Email = fields.Clearable("email", 320, e => e.Contains('@', StringComparison.Ordinal) ? null : "must be an e-mail address"),
            Phone = fields.Clearable("phone", 20, p => PhonePattern().IsMatch(p) ? null : "must be in E.164 form, e.g. +447700900123"),
            Locale = fields.Clearable("locale", 35, l => LocalePattern().IsMatch(l) ? null : "must be a locale such as en-GB"),
            TimeZone = TimeZone(fields),
            Consent = Consent(fields),
            Attributes = Attributes(fields),
        };
        return id is null ? null : patch;
    }

    private static string? TimeZone(RecordFields fields)
    {
        if (!fields.Has("timeZone")) return null;
        var zone = fields.RequiredText("timeZone", 64);
        if (zone is null) return null;
        if (!IanaZones.GetOrAdd(zone, IsIana)) { fields.Fail("timeZone", $"'{zone}' is not an IANA time zone such as Europe/London"); return null; }
        return zone;
    }

    // Windows names (found too on Linux through ICU) are refused: every other part of the product speaks IANA.
    private static bool IsIana(string zone) => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.HasIanaId;

    private static Dictionary<string, bool>? Consent(RecordFields fields)
    {
        if (fields.Value("consent") is not { } consent) return null;
        if (consent.ValueKind != JsonValueKind.Object) { fields.Fail("consent", "must be an object such as { \"email\": true, \"email/marketing\": false }"); return null; }
        var flags = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var flag in consent.EnumerateObject())
        {
            if (!ConsentKeyPattern().IsMatch(flag.Name)) fields.Fail($"consent.{flag.Name}", "must be a channel kind or channel/purpose in lower case, e.g. email or email/marketing");
            else if (flag.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) fields.Fail($"consent.{flag.Name}", "must be true or false");
            else flags[flag.Name] = flag.Value.GetBoolean();
        }
        return flags;
    }

    private static Dictionary<string, string?>? Attributes(RecordFields fields)
    {
        if (fields.Value("attributes") is not { } attributes) return null;
        if (attributes.ValueKind != JsonValueKind.Object) { fields.Fail("attributes", "must be an object of names to strings, numbers or true/false"); return null; }
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var attribute in attributes.EnumerateObject())
        {
            switch (attribute.Value.ValueKind)
            {
                case JsonValueKind.String: values[attribute.Name] = attribute.Value.GetString(); break;
                // Numbers keep the text they were sent with; true/false become "true"/"false".
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False: values[attribute.Name] = attribute.Value.GetRawText(); break;
                case JsonValueKind.Null: values[attribute.Name] = null; break; // removes the attribute
                default: fields.Fail($"attributes.{attribute.Name}", "must be a string, a number, true/false or null"); break;
            }
        }
        return values;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$")]
    private static partial Regex LocalePattern();

    [GeneratedRegex(@"^[a-z0-9_-]{1,40}(/[a-z0-9_-]{1,40})?$")]
    private static partial Regex ConsentKeyPattern();
}

using System.Text.Json;
using Campaigns.Ingest;

namespace Campaigns.Host.Api.Records;

/// <summary>
/// Typed reads of one record's fields that collect an error (record index, field, message) for every field that is
/// missing or of the wrong type, so a writer learns about every problem of a batch at once.
/// </summary>
internal sealed class RecordFields(JsonElement record, int index, List<RecordError> errors)
{
    // Filled by RejectUnknown: each known field's value by its slot, so that the dozen reads of a record that follow
    // are array reads instead of a search through the record's properties each (docs/benchmarks.md, issue 5).
    private KnownFields? _known;
    private JsonElement[]? _slots;

    /// <summary>Errors are added here.</summary>
    public int Index => index;

    /// <summary>True when the record is a JSON object; otherwise an error was recorded and no field can be read.</summary>
    public bool IsObject()
    {
        if (record.ValueKind == JsonValueKind.Object) return true;
        Fail("", "must be a JSON object");
        return false;
    }

    /// <summary>True when the field is in the record (with any value, null included).</summary>
    public bool Has(string name) => TryGet(name, out _);

    /// <summary>Records an error for every field not in <paramref name="known"/> (a typo would otherwise be dropped silently).</summary>
    public void RejectUnknown(KnownFields known)
    {
        var slots = new JsonElement[known.Count];
        foreach (var property in record.EnumerateObject())
        {
            var slot = known.IndexOf(property);
            if (slot < 0) Fail(property.Name, "is not a known field");
            else slots[slot] = property.Value; // a repeated name: the last one counts, as it does for TryGetProperty
        }
        (_known, _slots) = (known, slots);
    }

    public void Fail(string field, string message) => errors.Add(new RecordError(index, field, message));

    /// <summary>The field's JSON value when present and not null.</summary>
    public JsonElement? Value(string name) =>
        TryGet(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private bool TryGet(string name, out JsonElement value)
    {
        if (_known?.IndexOf(name) is not (>= 0 and var slot)) return record.TryGetProperty(name, out value);
        value = _slots![slot];
        return value.ValueKind != JsonValueKind.Undefined;
    }

    /// <summary>A required string of 1..<paramref name="maxLength"/> characters.</summary>
    public string? RequiredText(string name, int maxLength)
    {
        if (Value(name) is not { } value) { Fail(name, "is required"); return null; }
        return Text(name, value, maxLength);
    }

    /// <summary>An optional string of 1..<paramref name="maxLength"/> characters; null when absent, null or wrong.</summary>
    public string? Text(string name, int maxLength)
    {
        return Value(name) is { } value ? Text(name, value, maxLength) : null;
    }

    private string? Text(string name, JsonElement value, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String) { Fail(name, "must be a string"); return null; }
        var text = value.GetString()!;
        if (text.Length == 0) { Fail(name, "must not be empty"); return null; }
        if (text.Length > maxLength) { Fail(name, $"is longer than {maxLength} characters"); return null; }
        return text;
    }

    /// <summary>A string field that may be sent as null to clear it: null when not sent.</summary>
    public Sent<string?>? Clearable(string name, int maxLength, Func<string, string?>? check = null)
    {
        if (!Has(name)) return null;
        if (Value(name) is null) return new Sent<string?>(null);
        var text = Text(name, maxLength);
        if (text is not null && check?.Invoke(text) is { } problem) { Fail(name, problem); return null; }
        return text is null ? null : new Sent<string?>(text);
    }

    /// <summary>An optional finite number; <paramref name="fallback"/> when absent.</summary>
    public double Number(string name, double fallback, double min)
    {
        if (Value(name) is not { } value) return fallback;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number)) { Fail(name, "must be a number"); return fallback; }
        if (number < min) { Fail(name, $"must be at least {min}"); return fallback; }
        return number;
    }

    /// <summary>An optional decimal amount of money, at least 0; null when absent.</summary>
    public decimal? Money(string name)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var amount)) { Fail(name, "must be a number"); return null; }
        if (amount < 0) { Fail(name, "must be at least 0"); return null; }
        return amount;
    }

    /// <summary>An optional whole number within [<paramref name="min"/>, <paramref name="max"/>]; null when absent.</summary>
    public int? Whole(string name, int min, int max)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number)) { Fail(name, "must be a whole number"); return null; }
        if (number < min || number > max) { Fail(name, $"must be between {min} and {max}"); return null; }
        return number;
    }

    /// <summary>A required instant in ISO 8601 with an offset (<c>2026-11-30T09:00:00Z</c>, <c>...+01:00</c>).</summary>
    public DateTimeOffset? Instant(string name)
    {
        if (Value(name) is not { } value) { Fail(name, "is required"); return null; }
        if (value.ValueKind != JsonValueKind.String) { Fail(name, "must be an ISO 8601 string with an offset"); return null; }
        var text = value.GetString()!;
        // A time without an offset would be read in the host's zone: refuse it rather than guess.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !value.TryGetDateTimeOffset(out var instant)) { Fail(name, "must be an ISO 8601 time with an offset, e.g. 2026-11-30T09:00:00Z"); return null; }
        return instant;
    }
}

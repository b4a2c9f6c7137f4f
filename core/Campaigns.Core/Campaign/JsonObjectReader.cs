using System.Text.Json;

namespace Campaigns.Campaign;

/// <summary>Typed access to one JSON object that records a <see cref="DefinitionError"/> with its path for each misfit.</summary>
internal sealed class JsonObjectReader(JsonElement element, string path, List<DefinitionError> errors)
{
    public JsonElement Element { get; } = element;
    public string Path { get; } = path;

    public void RejectUnknown(IReadOnlyCollection<string> known)
    {
        if (Element.ValueKind != JsonValueKind.Object) return;
        foreach (var property in Element.EnumerateObject())
            if (!known.Contains(property.Name))
                errors.Add(new DefinitionError($"{Path}.{property.Name}", $"unknown property (expected one of: {string.Join(", ", known)})"));
    }

    public string? String(string name, bool required = false)
    {
        if (!TryGet(name, required, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text) return text;
        errors.Add(new DefinitionError($"{Path}.{name}", "must be a non-empty string"));
        return null;
    }

    public int? Int(string name)
    {
        if (!TryGet(name, false, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        errors.Add(new DefinitionError($"{Path}.{name}", "must be a whole number"));
        return null;
    }

    public bool? Bool(string name)
    {
        if (!TryGet(name, false, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        errors.Add(new DefinitionError($"{Path}.{name}", "must be true or false"));
        return null;
    }

    public decimal? Decimal(string name)
    {
        if (!TryGet(name, false, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return number;
        errors.Add(new DefinitionError($"{Path}.{name}", "must be a number"));
        return null;
    }

    public JsonObjectReader? Object(string name, bool required = false)
    {
        if (!TryGet(name, required, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Object) return new JsonObjectReader(value, $"{Path}.{name}", errors);
        errors.Add(new DefinitionError($"{Path}.{name}", "must be an object"));
        return null;
    }

    public IEnumerable<(JsonElement Element, string Path)> Array(string name)
    {
        if (!TryGet(name, false, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new DefinitionError($"{Path}.{name}", "must be an array"));
            return [];
        }
        return value.EnumerateArray().Select((e, i) => (e, $"{Path}.{name}[{i}]")).ToList();
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            return true;
        value = default;
        if (required) errors.Add(new DefinitionError($"{Path}.{name}", "is required"));
        return false;
    }
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Campaigns.Campaign;

/// <summary>
/// Binds a stage's <c>options</c> object to the stage's options class and validates it with DataAnnotations, so a
/// wrong option is reported with its JSON path when the definition is checked, not in the middle of a run.
/// </summary>
internal static class StageOptionsBinder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static object? Bind(Type optionsType, JsonElement? options, string stagePath, List<DefinitionError> errors)
    {
        var optionsPath = stagePath + ".options";
        object? value;
        try
        {
            value = options is { } element ? element.Deserialize(optionsType, Json) : Activator.CreateInstance(optionsType);
        }
        catch (JsonException ex)
        {
            var at = ex.Path is { Length: > 1 } p ? optionsPath + p[1..] : optionsPath;
            errors.Add(new DefinitionError(at, FirstSentence(ex.Message)));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            errors.Add(new DefinitionError(optionsPath, FirstSentence(ex.Message)));
            return null;
        }
        if (value is null)
        {
            errors.Add(new DefinitionError(optionsPath, "must be an object"));
            return null;
        }

        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true)) return value;
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [""];
            foreach (var member in members)
                errors.Add(new DefinitionError(member.Length == 0 ? optionsPath : $"{optionsPath}.{JsonNamingPolicy.CamelCase.ConvertName(member)}", result.ErrorMessage ?? "is invalid"));
        }
        return null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

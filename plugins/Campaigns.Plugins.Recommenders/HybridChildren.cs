using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Stages;

namespace Campaigns.Plugins.Recommenders;

/// <summary>The recommenders of this plugin a <c>hybrid</c> can build directly, with their options types.</summary>
internal static class HybridChildren
{
    // The host's binding rules (camelCase, case-insensitive), with unknown members rejected.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static readonly Dictionary<string, ChildFactory> Factories = new(StringComparer.Ordinal)
    {
        ["buy-again"] = Of<BuyAgainOptions>((c, o) => new BuyAgainStage(c, o)),
        ["item-knn"] = Of<ItemKnnOptions>((c, o) => new ItemKnnStage(c, o)),
        ["ease"] = Of<EaseOptions>((c, o) => new EaseStage(c, o)),
        ["ials"] = Of<IalsOptions>((c, o) => new IalsStage(c, o)),
        ["user-knn"] = Of<UserKnnOptions>((c, o) => new UserKnnStage(c, o)),
        ["trending"] = Of<TrendingOptions>((c, o) => new TrendingStage(c, o)),
        ["most-popular"] = Of<MostPopularOptions>((c, o) => new MostPopularStage(c, o)),
    };

    /// <summary>The keys a child may name.</summary>
    public static IEnumerable<string> Keys => Factories.Keys;

    public static bool TryGet(string? key, [MaybeNullWhen(false)] out ChildFactory factory)
    {
        factory = null;
        return key is not null && Factories.TryGetValue(key, out factory);
    }

    /// <summary>Binds and validates a child's options; errors name their member under <paramref name="path"/>.</summary>
    public static IEnumerable<ValidationResult> BindErrors(ChildFactory factory, JsonElement? options, string path)
    {
        var errors = new List<ValidationResult>();
        object? value;
        try
        {
            value = Bind(factory, options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            var cut = ex.Message.IndexOf(" Path:", StringComparison.Ordinal);
            errors.Add(new ValidationResult($"{path}: {(cut > 0 ? ex.Message[..cut] : ex.Message)}", [path]));
            return errors;
        }
        if (value is null) return [new ValidationResult($"{path}: must be an object.", [path])];
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var r in results)
        {
            var members = r.MemberNames.Select(m => $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(m)}").DefaultIfEmpty(path).ToArray();
            errors.Add(new ValidationResult($"{members[0]}: {r.ErrorMessage}", members));
        }
        return errors;
    }

    /// <summary>Binds a child's options, the defaults when absent. Throws on bad JSON.</summary>
    public static object? Bind(ChildFactory factory, JsonElement? options) =>
        options is { ValueKind: not JsonValueKind.Null } element ? element.Deserialize(factory.OptionsType, Json) : Activator.CreateInstance(factory.OptionsType);

    private static ChildFactory Of<TOptions>(Func<StageContext, TOptions, IRecommenderStage> create) where TOptions : class, new() =>
        new(typeof(TOptions), (context, options) => create(context, (TOptions)options));
}

/// <summary>A child recommender's options type and how to build it.</summary>
internal sealed record ChildFactory(Type OptionsType, Func<StageContext, object, IRecommenderStage> Create);

using System.Text.Json;

namespace Campaigns.Campaign;

/// <summary>Reads and validates <c>recommender.filters</c>, reporting each problem with its JSON path.</summary>
internal static class FiltersReader
{
    private static readonly string[] Known =
        ["excludePurchasedWithinDays", "inStockOnly", "categories", "price", "maxPerCategory", "boostTags", "excludeTriggerItem"];

    public static RecommendationFilters? Read(JsonObjectReader recommender, List<DefinitionError> errors)
    {
        var o = recommender.Object("filters");
        if (o is null) return null;
        o.RejectUnknown(Known);
        var days = o.Int("excludePurchasedWithinDays");
        if (days is < 1 or > 36_500) errors.Add(new DefinitionError(o.Path + ".excludePurchasedWithinDays", "must be between 1 and 36500"));
        var perCategory = o.Int("maxPerCategory");
        if (perCategory is < 1) errors.Add(new DefinitionError(o.Path + ".maxPerCategory", "must be at least 1"));
        var (include, exclude) = Categories(o, errors);
        var (min, max) = Price(o, errors);
        return new RecommendationFilters
        {
            ExcludePurchasedWithinDays = days,
            InStockOnly = o.Bool("inStockOnly") ?? false,
            IncludeCategories = include,
            ExcludeCategories = exclude,
            MinPrice = min,
            MaxPrice = max,
            MaxPerCategory = perCategory,
            BoostTags = Boosts(o, errors),
            ExcludeTriggerItem = o.Bool("excludeTriggerItem") ?? false,
        };
    }

    private static (List<string> Include, List<string> Exclude) Categories(JsonObjectReader filters, List<DefinitionError> errors)
    {
        var o = filters.Object("categories");
        if (o is null) return ([], []);
        o.RejectUnknown(["include", "exclude"]);
        return (Strings(o, "include", errors), Strings(o, "exclude", errors));
    }

    private static List<string> Strings(JsonObjectReader o, string name, List<DefinitionError> errors)
    {
        var list = new List<string>();
        foreach (var (element, path) in o.Array(name))
        {
            if (element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text) list.Add(text);
            else errors.Add(new DefinitionError(path, "must be a non-empty string"));
        }
        return list;
    }

    private static (decimal? Min, decimal? Max) Price(JsonObjectReader filters, List<DefinitionError> errors)
    {
        var o = filters.Object("price");
        if (o is null) return (null, null);
        o.RejectUnknown(["min", "max"]);
        var min = o.Decimal("min");
        var max = o.Decimal("max");
        if (min < 0) errors.Add(new DefinitionError(o.Path + ".min", "must not be negative"));
        if (max < 0) errors.Add(new DefinitionError(o.Path + ".max", "must not be negative"));
        if (min > max) errors.Add(new DefinitionError(o.Path, $"min ({min}) is greater than max ({max})"));
        return (min, max);
    }

    private static Dictionary<string, double> Boosts(JsonObjectReader filters, List<DefinitionError> errors)
    {
        var boosts = new Dictionary<string, double>(StringComparer.Ordinal);
        var o = filters.Object("boostTags");
        if (o is null) return boosts;
        foreach (var property in o.Element.EnumerateObject())
        {
            var path = $"{o.Path}.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var boost) || boost is < -1 or > 10)
                errors.Add(new DefinitionError(path, "must be a number between -1 and 10"));
            else boosts[property.Name] = boost;
        }
        return boosts;
    }
}

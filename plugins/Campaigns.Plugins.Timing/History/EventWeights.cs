using Campaigns.Data;

namespace Campaigns.Plugins.Timing.History;

/// <summary>Default weights of event types as evidence of when a customer pays attention.</summary>
internal static class EventWeights
{
    /// <summary>
    /// Clicks and opens answer a message, so they say most about when one is read; purchases and carts say when the
    /// customer shops; views are weak. Returns are not attention and count 0.
    /// </summary>
    public static Dictionary<string, double> Engagement() => new(StringComparer.Ordinal)
    {
        [InteractionTypes.Click] = 3,
        [InteractionTypes.Open] = 2,
        [InteractionTypes.Purchase] = 1,
        [InteractionTypes.CartAdd] = 1,
        [InteractionTypes.View] = 0.5,
        [InteractionTypes.Rating] = 0.5,
    };

    /// <summary>Every known type but returns, weight 1: plain activity.</summary>
    public static Dictionary<string, double> Activity(IReadOnlyList<string>? types) =>
        (types is { Count: > 0 } ? types : InteractionTypes.All.Where(t => t != InteractionTypes.Return))
            .Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => 1.0, StringComparer.Ordinal);

    /// <summary>Validation message for a weights map with an unknown type or a negative weight; null when fine.</summary>
    public static string? Problem(IReadOnlyDictionary<string, double>? weights)
    {
        if (weights is null || weights.Count == 0) return "eventWeights must name at least one event type";
        foreach (var (type, weight) in weights)
        {
            if (!InteractionTypes.All.Contains(type)) return $"eventWeights: '{type}' is not one of {string.Join(", ", InteractionTypes.All)}";
            if (weight < 0 || double.IsNaN(weight) || double.IsInfinity(weight)) return $"eventWeights: the weight of '{type}' must be a number ≥ 0";
        }
        return weights.Values.Any(w => w > 0) ? null : "eventWeights: at least one weight must be > 0";
    }
}

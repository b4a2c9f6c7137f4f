namespace Campaigns.Plugins.Ranking.Features;

/// <summary>
/// Whether the customer is due to buy one of their items again within the horizon, from their own gaps between
/// purchase days of that item: buy-again's "due" idea per item rather than per customer.
/// </summary>
/// <remarks>
/// The gaps are modelled as Erlang with shape 2 and the customer's own mean gap for the item. Shape 2, unlike an
/// exponential, is not memoryless: right after a purchase the next one is unlikely, and it becomes likely as the usual
/// gap passes, which is what "due" means. One mean per pair is all two or three purchase days can support.
/// </remarks>
internal static class Repurchase
{
    /// <summary>
    /// P(next purchase within <paramref name="horizonDays"/> | none in the <paramref name="sinceLastDays"/> since the last),
    /// for gaps of mean <paramref name="meanGapDays"/>; <see cref="FeatureVector.None"/> without a positive mean gap.
    /// </summary>
    public static float DueProbability(double meanGapDays, double sinceLastDays, double horizonDays)
    {
        if (meanGapDays <= 0) return FeatureVector.None;
        // Erlang-2 survival S(t) = e^(-λt)(1 + λt), λ = 2 / mean; the answer is 1 - S(t + H) / S(t).
        var rate = 2 / meanGapDays;
        var t = Math.Max(0, sinceLastDays);
        return (float)(1 - Math.Exp(-rate * horizonDays) * (1 + rate * (t + horizonDays)) / (1 + rate * t));
    }
}

using Campaigns.Stages;

namespace Campaigns.Plugins.Segmentation.ML.Features;

/// <summary>Where the features at the reference time come from: the stored profiles when the host keeps any, else events.</summary>
internal static class FeatureSource
{
    /// <summary>What the reports say when the profiles were used.</summary>
    public const string Profiles = "customer profiles";

    /// <summary>
    /// The profile rows of every customer with an order before <paramref name="reference"/>, or null with the reason to
    /// fall back to purchase events: a host of contract 1.2 has no profiles, and a new store may not have computed any yet
    /// (the nightly job or <c>profiles compute</c> fills it).
    /// </summary>
    public static async Task<(List<ProfileFeatures.Row>? Rows, string Source)> TryProfilesAsync(StageContext context, DateTimeOffset reference,
        TopCategories categories, CancellationToken cancellationToken)
    {
        if (context.Profiles is not { } profiles) return (null, "purchase events (this host keeps no profiles)");
        var rows = await ProfileFeatures.ReadAsync(profiles, reference, categories, cancellationToken);
        return rows.Count > 0 ? (rows, Profiles) : (null, "purchase events (no stored profile has an order yet)");
    }
}

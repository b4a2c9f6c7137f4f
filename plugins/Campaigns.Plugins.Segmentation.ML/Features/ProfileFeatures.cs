using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.ML.Features;

/// <summary>
/// The feature vector of <see cref="CustomerFeatures"/>, built from the customer profiles the host keeps instead of from
/// raw events, so a segment is described in the fields a marketer also sees in rule segments and the preview.
/// </summary>
/// <remarks>
/// Each feature is a profile field, re-anchored at the reference time (profiles are "as of" their computation, which
/// need not be the reference of a historic data set): recency is reference − <c>last_order_at</c>; orders
/// <c>orders_total</c>; spend <c>revenue_total</c>; days between orders <c>interval_mean_days</c> (for one order, the
/// recency, as on the event path); days as customer recency + mean interval × (orders − 1), which is the time since the
/// first order, because the mean of consecutive gaps is (last − first) / (orders − 1); category shares
/// <c>affinity("X")</c>.
/// </remarks>
internal static class ProfileFeatures
{
    /// <summary>One customer with an order before the reference: id, features, and when the last order was.</summary>
    /// <param name="Id">The customer.</param>
    /// <param name="Raw">The features in original units.</param>
    /// <param name="LastOrderAt">The last order.</param>
    public sealed record Row(string Id, float[] Raw, DateTimeOffset LastOrderAt);

    /// <summary>Every stored profile with an order before <paramref name="reference"/>, in id order, in one streamed pass.</summary>
    public static async Task<List<Row>> ReadAsync(IProfileReader profiles, DateTimeOffset reference, TopCategories categories, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        await foreach (var batch in profiles.ReadAllAsync(5_000, cancellationToken))
        {
            foreach (var profile in batch)
            {
                if (profile.LastOrderAt is not { } last || last >= reference || profile.OrdersTotal == 0) continue;
                rows.Add(new Row(profile.CustomerId, Vector(profile, last, reference, categories), last));
            }
        }
        return rows;
    }

    private static float[] Vector(CustomerProfile profile, DateTimeOffset last, DateTimeOffset reference, TopCategories categories)
    {
        var recency = (reference - last).TotalDays;
        var orders = profile.OrdersTotal;
        var interval = orders > 1 && profile.IntervalMeanDays is { } mean ? mean : recency;
        var vector = new float[CustomerFeatures.Count];
        vector[CustomerFeatures.Recency] = (float)recency;
        vector[CustomerFeatures.Orders] = orders;
        vector[CustomerFeatures.Spend] = (float)Math.Max(0, (double)profile.RevenueTotal);
        vector[CustomerFeatures.Interval] = (float)interval;
        vector[CustomerFeatures.Tenure] = (float)(orders > 1 ? recency + interval * (orders - 1) : recency);
        for (var k = 0; k < categories.Words.Count; k++)
            vector[CustomerFeatures.FirstAffinity + k] = (float)profile.CategoryAffinity.GetValueOrDefault(categories.Words[k]);
        return vector;
    }
}

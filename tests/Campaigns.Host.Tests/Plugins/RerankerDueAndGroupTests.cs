using Campaigns.Data;
using Campaigns.Plugins.Ranking.Candidates;
using Campaigns.Plugins.Ranking.Features;
using Campaigns.Plugins.Recommenders.Model;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The re-ranker's per-item "due" probability and the features relative to a customer's other candidates, to the digit.</summary>
public sealed class RerankerDueAndGroupTests
{
    private static readonly DateTimeOffset AsOf = new(2011, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnItemPastItsUsualGapIsMoreDueThanOneBoughtAgainJustNow()
    {
        // c1 buys "lamp" every 8.5 days on average (20, 10 and 3 days before) and bought it 3 days ago;
        // c2 buys it every 40 days (80 and 40 days before) and is 40 days past the last one; c2's "tree" once only.
        var data = new InMemoryData()
            .Buy("c1", "lamp", AsOf.AddDays(-20)).Buy("c1", "lamp", AsOf.AddDays(-10)).Buy("c1", "lamp", AsOf.AddDays(-3))
            .Buy("c2", "lamp", AsOf.AddDays(-80)).Buy("c2", "lamp", AsOf.AddDays(-40)).Buy("c2", "tree", AsOf.AddDays(-40));
        var h = History.Build(await EventLog.ReadAsync(data, new InteractionQuery(), _ => 1, CancellationToken.None), AsOf.UtcTicks);

        var c1 = Due(h, "c1", "lamp", 45);
        var c2 = Due(h, "c2", "lamp", 45);
        var c2Short = Due(h, "c2", "lamp", 10);

        // Erlang-2 gaps, λ = 2 / mean gap: P = 1 - e^(-λH) (1 + λ(t + H)) / (1 + λt).
        Assert.Equal(1 - Math.Exp(-2 / 8.5 * 45) * (1 + 2 / 8.5 * 48) / (1 + 2 / 8.5 * 3), c1, 5); // 0.99982
        Assert.Equal(1 - Math.Exp(-2.25) * 5.25 / 3, c2, 5); // 0.81555: λ = 0.05, t = 40
        Assert.Equal(1 - Math.Exp(-0.5) * 3.5 / 3, c2Short, 5); // 0.29238: a shorter horizon, less likely
        Assert.Equal(FeatureVector.None, Due(h, "c2", "tree", 45)); // one purchase day: no gap to learn from
    }

    [Fact]
    public void ACandidateIsComparedWithTheCustomersStrongestItem()
    {
        var a = Row(occasions: 2, decayed: 1.5f, due: 0.5f, recent30: 10);
        var b = Row(occasions: 4, decayed: 3f, due: FeatureVector.None, recent30: 0);
        var c = Row(occasions: 0, decayed: 0, due: FeatureVector.None, recent30: 40); // never bought by this customer

        QueryFeatures.Fill([a, b, c]);

        // decayed ÷ 3, occasions ÷ 4, due ÷ 0.5 (None stays None), recent buyers ÷ 40, 1 / rank by decayed among bought items.
        Assert.Equal([0.5f, 0.5f, 1f, 0.25f, 0.5f], a[QueryFeatures.Start..(QueryFeatures.Start + QueryFeatures.Count)]);
        Assert.Equal([1f, 1f, FeatureVector.None, 0f, 1f], b[QueryFeatures.Start..(QueryFeatures.Start + QueryFeatures.Count)]);
        Assert.Equal([0f, 0f, FeatureVector.None, 1f, 0f], c[QueryFeatures.Start..(QueryFeatures.Start + QueryFeatures.Count)]);
    }

    private static float Due(History h, string customer, string item, double horizonDays)
    {
        var row = new float[FeatureVector.Length(1)];
        FeatureVector.Fill(row, h, h.Log.Customers.Find(customer), new CandidateItem(item, "test", [float.NaN], [0]), horizonDays);
        return row[FeatureVector.DueProbability];
    }

    private static float[] Row(float occasions, float decayed, float due, float recent30)
    {
        var row = new float[FeatureVector.Length(0)];
        (row[FeatureVector.Occasions], row[FeatureVector.Decayed], row[FeatureVector.DueProbability], row[FeatureVector.ItemRecent30]) = (occasions, decayed, due, recent30);
        return row;
    }
}

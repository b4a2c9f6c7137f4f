using Campaigns.Data;
using Campaigns.Plugins.Ranking.Candidates;
using Campaigns.Plugins.Ranking.Features;
using Campaigns.Plugins.Recommenders.Model;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>
/// The re-ranker's item momentum, customer rhythm, per-item due probability and per-customer comparisons, to the digit,
/// on histories small enough to count by hand.
/// </summary>
public sealed class RerankerFeatureTests
{
    private static readonly DateTimeOffset AsOf = new(2011, 6, 1, 0, 0, 0, TimeSpan.Zero);

    // c1 bought "lamp" 20 days before (two lines that day), 10 and 3 days before, and once after the as-of instant;
    // c2 bought "lamp" 40 and 80 days before and "tree" on 2010-12-10, in the autumn.
    private static async Task<History> HistoryAsync()
    {
        var data = new InMemoryData()
            .Buy("c1", "lamp", AsOf.AddDays(-20)).Buy("c1", "lamp", AsOf.AddDays(-20).AddMinutes(1))
            .Buy("c1", "lamp", AsOf.AddDays(-10)).Buy("c1", "lamp", AsOf.AddDays(-3))
            .Buy("c1", "lamp", AsOf.AddDays(1))
            .Buy("c2", "lamp", AsOf.AddDays(-40)).Buy("c2", "lamp", AsOf.AddDays(-80))
            .Buy("c2", "tree", new DateTimeOffset(2010, 12, 10, 9, 0, 0, TimeSpan.Zero));
        var log = await EventLog.ReadAsync(data, new InteractionQuery(), _ => 1, CancellationToken.None);
        return History.Build(log, AsOf.UtcTicks);
    }

    [Fact]
    public async Task AnItemSellingFasterThanInTheWeeksBeforeShowsARampUp()
    {
        var h = await HistoryAsync();

        var lamp = h.Momentum[h.Log.Items.Find("lamp")];

        // Lines 3 and 10 days before; 20 (twice) and 40 days before in the 60 days before those 14; the later sale is not counted.
        Assert.Equal(new ItemMomentum(Last14: 2, Before14: 3, Last30: 4, Before30: 2), lamp);
        Assert.Equal(2f / 14 / (4f / 60), lamp.Ramp14, 5);
        Assert.Equal(4f / 30 / (3f / 60), lamp.Ramp30, 5);
        Assert.Equal(default, h.Momentum[h.Log.Items.Find("tree")]);
    }

    [Fact]
    public async Task ACustomersRhythmIsTheirGapsAutumnShareAndOrderSize()
    {
        var h = await HistoryAsync();

        var c1 = h.Rhythms[h.Log.Customers.Find("c1")];
        var c2 = h.Rhythms[h.Log.Customers.Find("c2")];

        // c1: purchase days 20, 10 and 3 days before: gaps 10 and 7, median 8.5; 4 lines on 3 days; none in Sep to Dec.
        Assert.Equal(new CustomerRhythm(8.5, 0, 4.0 / 3), c1);
        // c2: 2010-12-10, 2011-03-13, 2011-04-22: gaps 93 and 40, median 66.5; one of three days in December.
        Assert.Equal(new CustomerRhythm(66.5, 1.0 / 3, 1), c2);
    }

    [Fact]
    public async Task TheNewFeaturesLandInTheirColumns()
    {
        var h = await HistoryAsync();
        var row = new float[FeatureVector.Length(1)];

        FeatureVector.Fill(row, h, h.Log.Customers.Find("c2"), new CandidateItem("lamp", "test", [float.NaN], [0]), 45);

        Assert.Equal(2f / 14 / (4f / 60), row[19], 5);
        Assert.Equal(4f / 30 / (3f / 60), row[20], 5);
        Assert.Equal(40 / 66.5f, row[21], 5); // due-ness: 40 days since c2's last purchase ÷ their median gap
        Assert.Equal(1f / 3, row[22], 5);
        Assert.Equal(1f, row[23]);
    }

    [Fact]
    public async Task ACustomerWithOnePurchaseDayHasNoDueness()
    {
        var data = new InMemoryData().Buy("c", "a", AsOf.AddDays(-5)).Buy("c", "b", AsOf.AddDays(-5).AddHours(1));
        var h = History.Build(await EventLog.ReadAsync(data, new InteractionQuery(), _ => 1, CancellationToken.None), AsOf.UtcTicks);
        var row = new float[FeatureVector.Length(1)];

        FeatureVector.Fill(row, h, 0, new CandidateItem("a", "test", [1f], [1]), 45);

        Assert.Equal(FeatureVector.None, row[21]);
        Assert.Equal(0f, row[22]);
        Assert.Equal(2f, row[23]);
    }

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

    [Fact]
    public async Task ASeasonalAgeReadsLastDecemberAsLastSeasonNotAsLongAgo()
    {
        // "bauble" bought 270 days before the as-of instant (last December, seen in September), "lamp" 100 days before.
        var asOf = new DateTimeOffset(2011, 9, 1, 0, 0, 0, TimeSpan.Zero);
        var data = new InMemoryData().Buy("c", "bauble", asOf.AddDays(-270)).Buy("c", "lamp", asOf.AddDays(-100));
        var log = await EventLog.ReadAsync(data, new InteractionQuery(), _ => 1, CancellationToken.None);
        var seasonal = History.Build(log, asOf.UtcTicks, new FeatureSettings(SeasonalAge: true, Peers: 0, PeerHalfLifeDays: 30));
        var plain = History.Build(log, asOf.UtcTicks, FeatureSettings.Plain);

        var bauble = log.Items.Find("bauble");
        var lamp = log.Items.Find("lamp");

        // 365.25 - 270 = 95.25 days on the calendar year; the 90-day decay follows the age it is given.
        Assert.Equal(95.25f, Pair(seasonal, bauble).LastAgeDays, 4);
        Assert.Equal(Math.Pow(0.5, 95.25 / 90), Pair(seasonal, bauble).Decayed, 9);
        Assert.Equal(270f, Pair(plain, bauble).LastAgeDays, 4);
        Assert.Equal(Math.Pow(0.5, 3), Pair(plain, bauble).Decayed, 9);
        // Under half a year the two agree.
        Assert.Equal(100f, Pair(seasonal, lamp).LastAgeDays, 4);
        Assert.Equal(Pair(plain, lamp).Decayed, Pair(seasonal, lamp).Decayed, 12);
        var row = new float[FeatureVector.Length(1)];
        FeatureVector.Fill(row, seasonal, 0, new CandidateItem("bauble", "test", [float.NaN], [0]), 45);
        Assert.Equal(95.25f, row[2], 4);
    }

    [Fact]
    public async Task PeersAreTheMostAlikeCustomersAndTellWhatTheyBoughtLately()
    {
        // a and b share "lamp"; b also bought "vase" 30 days before; c shares nothing with a.
        var data = new InMemoryData()
            .Buy("a", "lamp", AsOf.AddDays(-50)).Buy("a", "mug", AsOf.AddDays(-50))
            .Buy("b", "lamp", AsOf.AddDays(-60)).Buy("b", "vase", AsOf.AddDays(-30))
            .Buy("c", "tray", AsOf.AddDays(-10));
        var log = await EventLog.ReadAsync(data, new InteractionQuery(), _ => 1, CancellationToken.None);
        var h = History.Build(log, AsOf.UtcTicks, new FeatureSettings(SeasonalAge: false, Peers: 10, PeerHalfLifeDays: 30));
        var a = log.Customers.Find("a");

        var scores = h.Peers.Scores(a);

        // b is a's only peer: their items score (0.5^(days since b's purchase / 30), 1), b's weight divided out.
        Assert.Equal(2, scores.Count);
        Assert.Equal((0.5f, 1f), Rounded(scores[log.Items.Find("vase")]));
        Assert.Equal((0.25f, 1f), Rounded(scores[log.Items.Find("lamp")]));
        Assert.False(scores.ContainsKey(log.Items.Find("tray")));
        var row = new float[FeatureVector.Length(1)];
        FeatureVector.Fill(row, h, a, new CandidateItem("vase", "test", [float.NaN], [0]), 45, scores);
        Assert.Equal([0.5f, 1f], Rounded(row[25..27]));
        FeatureVector.Fill(row, h, a, new CandidateItem("tray", "test", [float.NaN], [0]), 45, scores);
        Assert.Equal([0f, 0f], row[25..27]);
        // Without peers the columns say "does not exist", and an unknown customer has none.
        var plain = History.Build(log, AsOf.UtcTicks, FeatureSettings.Plain);
        Assert.Empty(plain.Peers.Scores(a));
        FeatureVector.Fill(row, plain, a, new CandidateItem("vase", "test", [float.NaN], [0]), 45, plain.Peers.Scores(a));
        Assert.Equal([FeatureVector.None, FeatureVector.None], row[25..27]);
        Assert.Empty(h.Peers.Scores(-1));
    }

    [Fact]
    public async Task HowMuchACustomerTakesOfAnItemIsCountedInUnits()
    {
        // c1 bought 12 lamps twice (two lines) and 6 mugs once; c2 bought 2 lamps. Lamps sell 26 units on 3 lines.
        var data = new InMemoryData();
        data.Events.AddRange([
            new Interaction("c1", "lamp", InteractionTypes.Purchase, AsOf.AddDays(-20), Quantity: 12),
            new Interaction("c1", "lamp", InteractionTypes.Purchase, AsOf.AddDays(-10), Quantity: 12),
            new Interaction("c1", "mug", InteractionTypes.Purchase, AsOf.AddDays(-10), Quantity: 6),
            new Interaction("c2", "lamp", InteractionTypes.Purchase, AsOf.AddDays(-5), Quantity: 2),
            new Interaction("c2", "tray", InteractionTypes.Purchase, AsOf.AddDays(-5), Quantity: 1)]);
        var log = await EventLog.ReadAsync(data, new InteractionQuery(), e => e.Quantity, CancellationToken.None);
        var h = History.Build(log, AsOf.UtcTicks);
        var c1 = log.Customers.Find("c1");
        var row = new float[FeatureVector.Length(1)];

        FeatureVector.Fill(row, h, c1, new CandidateItem("lamp", "test", [float.NaN], [0]), 45);
        // ln(1 + 24); 24 of c1's 30 units; 12 units a line against the lamp's 26 / 3 = 8.67: ln(13 / 9.67).
        Assert.Equal([MathF.Round(MathF.Log(25), 5), 0.8f, MathF.Round(MathF.Log(13f / (26f / 3 + 1)), 5)], Rounded(row[27..30]));
        FeatureVector.Fill(row, h, c1, new CandidateItem("mug", "test", [float.NaN], [0]), 45);
        Assert.Equal([MathF.Round(MathF.Log(7), 5), 0.2f, 0f], Rounded(row[27..30]));
        // An item the customer never bought has none of the three.
        FeatureVector.Fill(row, h, c1, new CandidateItem("tray", "test", [float.NaN], [0]), 45);
        Assert.Equal([FeatureVector.None, FeatureVector.None, FeatureVector.None], row[27..30]);
    }

    private static PairStats Pair(History h, int item)
    {
        Assert.True(h.TryGetPair(0, item, out var pair));
        return pair;
    }

    private static (float, float) Rounded((float Recent, float Any) s) => (MathF.Round(s.Recent, 5), MathF.Round(s.Any, 5));

    private static float[] Rounded(float[] values) => [.. values.Select(v => MathF.Round(v, 5))];

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

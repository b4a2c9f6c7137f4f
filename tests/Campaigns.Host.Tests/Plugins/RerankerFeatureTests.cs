using Campaigns.Data;
using Campaigns.Plugins.Ranking.Candidates;
using Campaigns.Plugins.Ranking.Features;
using Campaigns.Plugins.Recommenders.Model;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The re-ranker's item momentum and customer rhythm features, to the digit, on a history small enough to count by hand.</summary>
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
}

using Campaigns.Data;
using Campaigns.Evaluation;

namespace Campaigns.Core.Tests.Evaluation;

/// <summary>Splits are reproducible with a seed, stratified as promised, and never cut a (user, item) pair in two.</summary>
public sealed class SplitterTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // 20 users × 5 items, one purchase each, plus a repeat purchase of i1 by every user.
    private static readonly List<Interaction> Grid =
    [
        .. from u in Enumerable.Range(1, 20)
           from i in Enumerable.Range(1, 5)
           select new Interaction($"u{u:00}", $"i{i}", InteractionTypes.Purchase, Start.AddHours(u * 10 + i)),
        .. Enumerable.Range(1, 20).Select(u => new Interaction($"u{u:00}", "i1", InteractionTypes.Purchase, Start.AddDays(30 + u))),
    ];

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var a = Splitter.Split(Grid, new SplitSpec(SplitKind.StratifiedItem, 0.75, 42));
        var b = Splitter.Split(Grid, new SplitSpec(SplitKind.StratifiedItem, 0.75, 42));
        var c = Splitter.Split(Grid, new SplitSpec(SplitKind.StratifiedItem, 0.75, 7));

        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Train, c.Train);
    }

    [Fact]
    public void Stratified_by_item_keeps_the_ratio_of_every_item_in_training()
    {
        var split = Splitter.Split(Grid, new SplitSpec(SplitKind.StratifiedItem, 0.75, 42));

        // Each item has 20 (user, item) pairs: round(0.75 × 20) = 15 train.
        foreach (var item in Enumerable.Range(1, 5).Select(i => $"i{i}"))
        {
            Assert.Equal(15, Pairs(split.Train).Count(p => p.Item == item));
            Assert.Equal(5, Pairs(split.Test).Count(p => p.Item == item));
        }
        Assert.Equal(split.Train.Max(e => e.OccurredAt).AddTicks(1), split.Now);
    }

    [Fact]
    public void Stratified_by_user_keeps_the_ratio_of_every_user_in_training()
    {
        var split = Splitter.Split(Grid, new SplitSpec(SplitKind.StratifiedUser, 0.75, 42));

        // Each user has 5 pairs: round(3.75) = 4 train, 1 test.
        Assert.All(Pairs(split.Train).GroupBy(p => p.User), g => Assert.Equal(4, g.Count()));
        Assert.All(Pairs(split.Test).GroupBy(p => p.User), g => Assert.Single(g));
    }

    [Fact]
    public void Repeat_purchases_of_a_pair_land_on_the_same_side()
    {
        var split = Splitter.Split(Grid, new SplitSpec(SplitKind.StratifiedItem, 0.75, 42));

        Assert.Empty(Pairs(split.Train).Intersect(Pairs(split.Test)));
        Assert.Equal(Grid.Count, split.Train.Count + split.Test.Count);
    }

    [Fact]
    public void Temporal_splits_at_the_instant_and_stages_see_it_as_now()
    {
        var at = Start.AddDays(30);
        var split = Splitter.Split(Grid, new SplitSpec(SplitKind.Temporal, SplitAt: at));

        Assert.All(split.Train, e => Assert.True(e.OccurredAt < at));
        Assert.All(split.Test, e => Assert.True(e.OccurredAt >= at));
        Assert.Equal(100, split.Train.Count);
        Assert.Equal(at, split.Now);
    }

    [Fact]
    public void A_split_with_an_empty_side_is_refused()
    {
        var error = Assert.Throws<EvaluationException>(() => Splitter.Split(Grid, new SplitSpec(SplitKind.Temporal, SplitAt: Start.AddYears(1))));
        Assert.Contains("no test interactions", error.Message, StringComparison.Ordinal);
    }

    private static HashSet<(string User, string Item)> Pairs(IEnumerable<Interaction> events) => [.. events.Select(e => (e.CustomerId, e.ItemId))];
}

using Campaigns.Data;

namespace Campaigns.Evaluation;

/// <summary>How interactions are divided into training and test data.</summary>
public enum SplitKind
{
    /// <summary>Per item, a seeded random share of its (user, item) pairs goes to training (Microsoft Recommenders' stratified split by item).</summary>
    StratifiedItem,
    /// <summary>Per user, a seeded random share of their (user, item) pairs goes to training.</summary>
    StratifiedUser,
    /// <summary>Events before an instant train, events at or after it test.</summary>
    Temporal,
}

/// <summary>What split to make.</summary>
/// <param name="Kind">The protocol.</param>
/// <param name="Ratio">For stratified splits: the share of each stratum that trains (0 &lt; ratio &lt; 1).</param>
/// <param name="Seed">For stratified splits: the random seed, so a split is reproducible.</param>
/// <param name="SplitAt">For temporal splits: the first instant of the test period.</param>
public sealed record SplitSpec(SplitKind Kind, double Ratio = 0.75, int Seed = 42, DateTimeOffset? SplitAt = null);

/// <summary>The two halves of a split, and the instant the trained stages should see as "now".</summary>
/// <param name="Train">Events stages learn from.</param>
/// <param name="Test">Held-out events; every one is relevant to its user.</param>
/// <param name="Now">The end of training: the split instant (temporal), or just after the last training event (random).</param>
public sealed record TrainTestSplit(IReadOnlyList<Interaction> Train, IReadOnlyList<Interaction> Test, DateTimeOffset Now);

/// <summary>Makes the splits of <see cref="SplitKind"/>; deterministic for a given input order and seed.</summary>
public static class Splitter
{
    /// <summary>Splits <paramref name="events"/> as <paramref name="spec"/> says.</summary>
    /// <exception cref="EvaluationException">The spec is invalid, or one side of the split is empty.</exception>
    public static TrainTestSplit Split(IReadOnlyList<Interaction> events, SplitSpec spec)
    {
        var split = spec.Kind switch
        {
            SplitKind.Temporal => Temporal(events, spec.SplitAt ?? throw new EvaluationException("a temporal split needs --split-at")),
            SplitKind.StratifiedItem => Stratified(events, spec, e => e.ItemId),
            SplitKind.StratifiedUser => Stratified(events, spec, e => e.CustomerId),
            _ => throw new EvaluationException($"unknown split {spec.Kind}"),
        };
        if (split.Train.Count == 0) throw new EvaluationException("the split leaves no training interactions");
        if (split.Test.Count == 0) throw new EvaluationException("the split leaves no test interactions");
        return split;
    }

    private static TrainTestSplit Temporal(IReadOnlyList<Interaction> events, DateTimeOffset at) =>
        new([.. events.Where(e => e.OccurredAt < at)], [.. events.Where(e => e.OccurredAt >= at)], at);

    /// <summary>
    /// Splits (user, item) pairs, not single events: every event of a pair lands on the same side, so a repeated
    /// purchase cannot be both training and the answer. Strata are visited in key order and pairs shuffled with one
    /// seeded generator; each stratum keeps round(ratio·n) pairs for training (banker's rounding, as Python's round
    /// in Microsoft Recommenders' python_stratified_split).
    /// </summary>
    private static TrainTestSplit Stratified(IReadOnlyList<Interaction> events, SplitSpec spec, Func<Interaction, string> stratum)
    {
        if (spec.Ratio is <= 0 or >= 1 || double.IsNaN(spec.Ratio)) throw new EvaluationException($"--ratio must be between 0 and 1 (exclusive), got {spec.Ratio}");
        var pairs = events
            .GroupBy(e => (e.CustomerId, e.ItemId))
            .Select(g => (Key: g.Key, Stratum: stratum(g.First()), Events: g.ToList()))
            .GroupBy(p => p.Stratum, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        var random = new Random(spec.Seed);
        List<Interaction> train = [], test = [];
        foreach (var group in pairs)
        {
            var members = group.OrderBy(p => p.Key.CustomerId, StringComparer.Ordinal).ThenBy(p => p.Key.ItemId, StringComparer.Ordinal).ToArray();
            random.Shuffle(members);
            var cut = (int)Math.Round(spec.Ratio * members.Length, MidpointRounding.ToEven);
            for (var i = 0; i < members.Length; i++) (i < cut ? train : test).AddRange(members[i].Events);
        }
        train.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        test.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        // Until-bounds are exclusive: one tick past the last training event keeps it inside a window ending "now".
        var now = train.Count == 0 ? DateTimeOffset.UnixEpoch : train[^1].OccurredAt.AddTicks(1);
        return new TrainTestSplit(train, test, now);
    }
}

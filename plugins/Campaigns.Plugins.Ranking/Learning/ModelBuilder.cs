using Campaigns.Plugins.Ranking.Candidates;
using Campaigns.Plugins.Ranking.Features;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>What training saw, over every bag and window: for the log line and the "nothing to learn" warning.</summary>
internal sealed record TrainingSummary(int Rows, int Customers, int Positives, int Bought);

/// <summary>
/// Builds the re-ranker's model from the shop's past: for each bag, its label windows (the first ending
/// <c>bag × bagStepDays</c> before the anchor, each next one <c>windowStepDays</c> earlier), the sources rebuilt as of
/// each window's inner cutoff, one LightGBM ranker per bag. Kept apart from serving so the model can be built (and
/// stored) on its own. With <c>objective</c> <c>blend</c> the bags alternate LambdaRank and binary rankers.
/// </summary>
internal static class ModelBuilder
{
    /// <summary>The rankers (null when no window had a single positive: nothing to learn) and what they saw.</summary>
    public static async Task<(Ensemble? Model, TrainingSummary Summary)> TrainAsync(
        StageContext context, RerankerOptions options, EventLog log, DateTimeOffset anchor, int sourceCount,
        Func<StageContext, CandidatePool> pool, CancellationToken cancellationToken)
    {
        var rankers = new List<Ranker>();
        var total = new TrainingSummary(0, 0, 0, 0);
        FeatureTable? table = null;
        var learnable = false;
        for (var bag = 0; bag < options.Bags; bag++)
        {
            // With no step every bag has the same windows: the rows are built once and only the seed differs.
            if (table is null || options.BagStepDays > 0)
            {
                (table, var seen) = await BuildAsync(context, options, log, anchor.AddDays(-bag * options.BagStepDays), sourceCount, pool, cancellationToken);
                total = new TrainingSummary(total.Rows + table.Count, total.Customers + seen.Customers, total.Positives + seen.Positives, total.Bought + seen.Bought);
                learnable = seen.Positives > 0;
            }
            if (learnable) rankers.Add(Ranker.Train(table, options, bag));
        }
        return (rankers.Count > 0 ? new Ensemble(rankers) : null, total);
    }

    // The rows of one bag's label windows, in one table (one query group per customer and window).
    private static async Task<(FeatureTable Table, WindowRows Seen)> BuildAsync(
        StageContext context, RerankerOptions options, EventLog log, DateTimeOffset last, int sourceCount,
        Func<StageContext, CandidatePool> pool, CancellationToken cancellationToken)
    {
        var depth = options.Candidates.Max(c => c.Depth);
        var table = new FeatureTable(FeatureVector.Length(sourceCount));
        var step = options.WindowStep;
        var seen = new WindowRows(0, 0, 0);
        for (var w = 0; w < options.LabelWindows; w++)
        {
            var end = last.AddDays(-w * step);
            var cutoff = end.AddDays(-options.LabelDays);
            // The same sources as of the window's inner cutoff: they see only the events before it, as the evaluation
            // builds stages at a split. One window at a time, so only one extra set of source models is in memory.
            var training = pool(AsOf.Context(context, cutoff));
            await training.PrepareAsync(cancellationToken);
            var rows = await TrainingSet.AddAsync(table, (uint)(w * log.Customers.Count), History.Build(log, cutoff.UtcTicks, options.Features), end.UtcTicks, training, depth, options.LabelDays, cancellationToken);
            context.Logger.LogInformation("reranker: window {Cutoff} to {End}: {Customers} customers, {Positives} of their {Bought} purchased items among the candidates",
                cutoff, end, rows.Customers, rows.Positives, rows.Bought);
            seen = new WindowRows(seen.Customers + rows.Customers, seen.Positives + rows.Positives, seen.Bought + rows.Bought);
        }
        return (table, seen);
    }
}

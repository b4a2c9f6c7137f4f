using Campaigns.Data;
using Campaigns.Plugins.Ranking.Candidates;
using Campaigns.Plugins.Ranking.Features;

namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>What one label window added to the training table.</summary>
/// <param name="Customers">Customers who bought before the window's inner cutoff and again in the window (query groups).</param>
/// <param name="Positives">Candidate rows labelled 1.</param>
/// <param name="Bought">Distinct (customer, item) pairs those customers bought in the window: Positives ÷ Bought is the
/// candidates' recall, the best share of next purchases any ordering of the candidates could reach.</param>
internal sealed record WindowRows(int Customers, int Positives, int Bought);

/// <summary>
/// The labelled rows the model learns from: for every customer who bought before the inner cutoff and again in the
/// label window after it, the candidates the sources (built as of the cutoff) give, with features as of the cutoff and
/// label 1 when the customer bought the item in the window.
/// </summary>
internal static class TrainingSet
{
    private const int BatchSize = 1_000;

    /// <summary>
    /// Adds the rows of the window from <paramref name="atCutoff"/>'s instant to <paramref name="labelEnd"/> (UTC ticks,
    /// exclusive) to <paramref name="table"/>; customer c's query group is <paramref name="groupBase"/> + c, so several
    /// windows can share one table without sharing groups. "Due" features look <paramref name="horizonDays"/> ahead.
    /// </summary>
    public static async Task<WindowRows> AddAsync(
        FeatureTable table, uint groupBase, History atCutoff, long labelEnd, CandidatePool sources, int depth, double horizonDays, CancellationToken cancellationToken)
    {
        var log = atCutoff.Log;
        var bought = new HashSet<long>();
        var active = new SortedSet<int>();
        for (var e = 0; e < log.Count; e++)
        {
            if (log.Ticks[e] < atCutoff.AsOf || log.Ticks[e] >= labelEnd) continue;
            var customer = log.Customer[e];
            // Customers new in the window have no history at the cutoff: nothing to learn about them from features.
            if (atCutoff.Customers[customer].Occasions == 0) continue;
            bought.Add(((long)customer << 32) | (uint)log.Item[e]);
            active.Add(customer);
        }
        var positives = 0;
        foreach (var batch in active.Chunk(BatchSize))
        {
            var customers = batch.Select(c => new Customer(log.Customers[c])).ToList();
            var candidates = await sources.CollectAsync(customers, depth, null, cancellationToken);
            for (var n = 0; n < batch.Length; n++)
            {
                table.AddGroup(groupBase + (uint)batch[n], atCutoff, batch[n], candidates[n], horizonDays, candidate =>
                {
                    var item = log.Items.Find(candidate.ItemId);
                    if (item < 0 || !bought.Contains(((long)batch[n] << 32) | (uint)item)) return 0;
                    positives++;
                    return 1;
                });
            }
        }
        return new WindowRows(active.Count, positives, bought.Count);
    }
}

using Campaigns.Data;
using Campaigns.Plugins.Ranking.Candidates;
using Campaigns.Plugins.Ranking.Features;

namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>
/// The labelled rows the model learns from: for every customer who bought before the inner cutoff and again in the
/// label window after it, the candidates the sources (built as of the cutoff) give, with features as of the cutoff and
/// label 1 when the customer bought the item in the window.
/// </summary>
internal static class TrainingSet
{
    private const int BatchSize = 1_000;

    /// <summary>Builds the table, with how many customers it covers and how many rows are labelled 1.</summary>
    public static async Task<(FeatureTable Table, int Customers, int Positives)> BuildAsync(
        History atCutoff, CandidatePool sources, int depth, CancellationToken cancellationToken)
    {
        var log = atCutoff.Log;
        var bought = new HashSet<long>();
        var active = new SortedSet<int>();
        for (var e = 0; e < log.Count; e++)
        {
            if (log.Ticks[e] < atCutoff.AsOf) continue;
            var customer = log.Customer[e];
            // Customers new in the window have no history at the cutoff: nothing to learn about them from features.
            if (atCutoff.Customers[customer].Occasions == 0) continue;
            bought.Add(((long)customer << 32) | (uint)log.Item[e]);
            active.Add(customer);
        }
        var table = new FeatureTable(FeatureVector.Length(sources.SourceCount));
        var positives = 0;
        foreach (var batch in active.Chunk(BatchSize))
        {
            var customers = batch.Select(c => new Customer(log.Customers[c])).ToList();
            var candidates = await sources.CollectAsync(customers, depth, null, cancellationToken);
            for (var n = 0; n < batch.Length; n++)
            {
                foreach (var candidate in candidates[n])
                {
                    var item = log.Items.Find(candidate.ItemId);
                    var label = item >= 0 && bought.Contains(((long)batch[n] << 32) | (uint)item) ? 1f : 0f;
                    if (label > 0) positives++;
                    FeatureVector.Fill(table.Add(label, (uint)batch[n]), atCutoff, batch[n], candidate);
                }
            }
        }
        return (table, active.Count, positives);
    }
}

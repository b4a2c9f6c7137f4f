using System.Diagnostics;
using Campaigns.Data;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Evaluation;

/// <summary>What training one recommender on a whole file and asking it for every customer's list cost.</summary>
/// <param name="Algorithm">The stage key.</param>
/// <param name="Customers">Customers asked for (every customer with an event, or the requested first N).</param>
/// <param name="TrainSeconds">Wall time of PrepareAsync.</param>
/// <param name="RecommendSeconds">Wall time of all batches (in parallel, one per core).</param>
/// <param name="ShortLists">Customers who got fewer than k items.</param>
/// <param name="DistinctItems">Distinct items over all lists.</param>
/// <param name="TrainCpuSeconds">Processor time of the whole process during PrepareAsync (all cores; other work of the process included).</param>
/// <param name="RecommendCpuSeconds">Processor time of the whole process during the batches.</param>
public sealed record FullRecommendationResult(string Algorithm, int Customers, double TrainSeconds, double RecommendSeconds, int ShortLists, int DistinctItems,
    double TrainCpuSeconds, double RecommendCpuSeconds);

/// <summary>
/// Trains a recommender stage on every event of a file (the in-memory readers evaluation uses, with a clock one tick
/// after the last event) and asks it for top-k lists of every customer, in batches processed in parallel as a
/// campaign plan does. Nothing is scored: this measures what a campaign over the whole customer base costs.
/// </summary>
/// <param name="registry">Where the stage keys are looked up.</param>
/// <param name="loggers">Loggers handed to the stages.</param>
/// <param name="dataFolder">A folder stages may write to; created if missing.</param>
public sealed class FullRecommendation(StageRegistry registry, ILoggerFactory loggers, string dataFolder)
{
    private static readonly CampaignRunInfo Run = new("bench", 0, "bench");

    /// <summary>Runs <paramref name="algorithm"/> over <paramref name="data"/>.</summary>
    /// <param name="data">The file's interactions.</param>
    /// <param name="algorithm">The stage key and options.</param>
    /// <param name="k">List length.</param>
    /// <param name="batchSize">Customers per RecommendAsync call.</param>
    /// <param name="maxCustomers">Ask for the first this many customers only (by id); null for all.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="EvaluationException">The key is unknown or the options are invalid.</exception>
    public async Task<FullRecommendationResult> RunAsync(InteractionSet data, AlgorithmChoice algorithm, int k, int batchSize, int? maxCustomers, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var (stage, options) = StageResolver.Resolve(registry, [algorithm])[0];
        var training = new TrainingData(data.Events, data.Items);
        var context = training.Context(loggers.CreateLogger($"Campaigns.Bench.{stage.Key}"), Run, dataFolder);
        var recommender = (IRecommenderStage)stage.Create(context, options);
        try
        {
            // Processor time next to wall time: on a shared machine the wall clock also counts other people's work.
            var (started, cpu) = (Stopwatch.GetTimestamp(), Cpu());
            await recommender.PrepareAsync(cancellationToken);
            var (train, trainCpu) = (Stopwatch.GetElapsedTime(started).TotalSeconds, Cpu() - cpu);

            (started, cpu) = (Stopwatch.GetTimestamp(), Cpu());
            var (customers, shortLists, items) = await RecommendAllAsync(recommender, training, k, batchSize, maxCustomers ?? int.MaxValue, cancellationToken);
            return new FullRecommendationResult(stage.Key, customers, train, Stopwatch.GetElapsedTime(started).TotalSeconds, shortLists, items, trainCpu, Cpu() - cpu);
        }
        finally
        {
            await StageDisposal.DisposeAsync(recommender);
        }
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static async Task<(int Customers, int ShortLists, int Items)> RecommendAllAsync(IRecommenderStage recommender, ICustomerReader customers, int k,
        int batchSize, int limit, CancellationToken cancellationToken)
    {
        var request = new RecommendationRequest(k);
        var items = new HashSet<string>(StringComparer.Ordinal);
        int asked = 0, shortLists = 0;
        await Parallel.ForEachAsync(Limit(customers.ReadAllAsync(batchSize, cancellationToken), limit),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                var lists = await recommender.RecommendAsync(batch, request, ct);
                if (lists.Count != batch.Count) throw new EvaluationException($"the stage returned {lists.Count} lists for {batch.Count} customers");
                var shortOnes = 0;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var list in lists)
                {
                    if (list.Count < k) shortOnes++;
                    foreach (var r in list) seen.Add(r.ItemId);
                }
                lock (items) items.UnionWith(seen);
                Interlocked.Add(ref asked, batch.Count);
                Interlocked.Add(ref shortLists, shortOnes);
            });
        return (asked, shortLists, items.Count);
    }

    private static async IAsyncEnumerable<IReadOnlyList<Customer>> Limit(IAsyncEnumerable<IReadOnlyList<Customer>> batches, int limit)
    {
        var left = limit;
        await foreach (var batch in batches)
        {
            if (left <= 0) yield break;
            yield return batch.Count <= left ? batch : [.. batch.Take(left)];
            left -= batch.Count;
        }
    }
}

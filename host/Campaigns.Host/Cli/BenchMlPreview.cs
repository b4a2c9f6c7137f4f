using System.Diagnostics;
using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Models;
using Campaigns.Planning;
using Campaigns.Segments;
using Campaigns.Stages;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>bench ml-preview</c>: on the data in the store (import Online Retail and run <c>profiles compute</c> first), one
/// retraining round of each ML audience, then its segment preview with the live model (what the API and dashboard do
/// now) against training the audience for the call (the baseline: what every ML preview did before), alternately in
/// the same run.
/// </summary>
internal static class BenchMlPreview
{
    public const string Usage = "bench ml-preview [--runs 3] [--skip kmeans-segment|propensity-segment]";

    private static readonly (string Stage, string Options)[] Audiences = [("kmeans-segment", """{"cluster":"1"}"""), ("propensity-segment", "{}")];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        var runs = cli.Int("runs", 3);
        Console.WriteLine($"database: {services.GetRequiredService<Data.CampaignsDatabase>().Describe()}; {Environment.ProcessorCount} cores");
        foreach (var (key, json) in Audiences.Where(a => a.Stage != cli.Get("skip")))
        {
            var options = JsonDocument.Parse(json).RootElement.Clone();
            var round = Stopwatch.StartNew();
            var result = await services.GetRequiredService<ModelTrainer>().RetrainAsync(key, options, new RetrainingSettings(), CancellationToken.None);
            Console.WriteLine($"retrain {key}: {result.Model.Label} {result.Model.Status} in {round.Elapsed.TotalSeconds:0.0}s; {result.Model.GateMetric} {result.Model.Score:0.0000}; " +
                              $"artefact {result.Model.Size / 1024.0:N0} KiB");

            List<double> trained = [], live = [];
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var size = await TrainForCallAsync(services, key, options);
                trained.Add(watch.Elapsed.TotalSeconds);
                var preview = await services.GetRequiredService<SegmentPreview>().PreviewAsync(key, options, SegmentPreview.DefaultSample, CancellationToken.None);
                live.Add(preview.Elapsed.TotalSeconds);
                Console.WriteLine($"  run {i + 1}: trained for the call {trained[^1]:0.000}s ({size:N0} customers); live {preview.Model} {live[^1]:0.000}s ({preview.Size:N0} customers)");
            }
            var (t, l) = (Median(trained), Median(live));
            Console.WriteLine($"preview {key} (median of {runs}): trained for the call {t:0.000}s; live model {l:0.000}s; ratio {t / l:0.0}x");
        }
        return 0;
    }

    /// <summary>The preview as it was before the registry served audiences: the stage trains, then every member is counted.</summary>
    private static async Task<long> TrainForCallAsync(IServiceProvider services, string key, JsonElement options)
    {
        var (registration, bound) = services.GetRequiredService<ModelTrainer>().Resolve(key, options);
        var stage = new BoundStage(registration, bound).Create<IAudienceStage>(services.GetRequiredService<StageContextFactory>()
            .Create(new CampaignRunInfo("bench-ml-preview", 0, "preview"), registration));
        var size = 0L;
        await stage.PrepareAsync(CancellationToken.None);
        await foreach (var batch in stage.SelectAsync(new AudienceRequest(2_000), CancellationToken.None)) size += batch.Count;
        (stage as IDisposable)?.Dispose();
        return size;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

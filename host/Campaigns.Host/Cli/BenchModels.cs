using System.Diagnostics;
using Campaigns.Campaign;
using Campaigns.Models;
using Campaigns.Planning;
using Campaigns.Stages;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>bench models</c>: on the data in the store, one retraining round of a trainable recommender, then what a campaign
/// run pays to get its model ready: fitting in <c>PrepareAsync</c> (the baseline, what every run did before the
/// registry) against loading the live artefact from the registry, measured alternately in the same run.
/// </summary>
internal static class BenchModels
{
    public const string Usage = "bench models [--stage item-knn] [--options JSON] [--window-days 365] [--repeat 3]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        var key = cli.Get("stage") ?? "item-knn";
        var trainer = services.GetRequiredService<ModelTrainer>();
        var json = ModelsVerb.Options(cli);
        var (registration, options) = trainer.Resolve(key, json);
        Console.WriteLine($"database: {services.GetRequiredService<Data.CampaignsDatabase>().Describe()}; {Environment.ProcessorCount} cores");

        var round = Stopwatch.StartNew();
        var result = await trainer.RetrainAsync(key, json, new RetrainingSettings(cli.Int("window-days", 365), 30), CancellationToken.None);
        Console.WriteLine($"retrain round: {result.Model.Label} {result.Model.Status} in {round.Elapsed.TotalSeconds:0.0}s; {result.Model.GateMetric} {result.Model.Score:0.0000}; artefact {result.Model.Size / 1048576.0:0.0} MiB");

        var bound = new BoundStage(registration, options);
        var contexts = services.GetRequiredService<StageContextFactory>();
        var live = services.GetRequiredService<LiveModels>();
        var run = new CampaignRunInfo("bench-models", 1, "bench");
        List<double> fit = [], load = [];
        for (var i = 0; i < cli.Int("repeat", 3); i++)
        {
            var watch = Stopwatch.StartNew();
            await bound.Create<ICampaignStage>(contexts.Create(run, registration)).PrepareAsync(CancellationToken.None);
            fit.Add(watch.Elapsed.TotalSeconds);

            watch.Restart();
            var stage = bound.Create<ICampaignStage>(contexts.Create(run, registration));
            var version = await live.LoadAsync(stage, bound, CancellationToken.None) ?? throw new InvalidOperationException("no live model loaded");
            await stage.PrepareAsync(CancellationToken.None);
            load.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine($"  repeat {i + 1}: fit {fit[^1]:0.000}s, load {version} {load[^1]:0.000}s");
        }
        var (f, l) = (Median(fit), Median(load));
        Console.WriteLine($"prepare {key} (median of {fit.Count}): fit at run time {f:0.000}s; live model from the registry {l:0.000}s; ratio {f / l:0.0}x");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

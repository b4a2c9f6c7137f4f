using Campaigns.Evaluation;
using Campaigns.Evaluation.Timing;
using Campaigns.Host.Plugins;
using Campaigns.Host.Tests.Support;
using Campaigns.Stages;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>
/// The send-time evaluation on the real Online Retail file, in process with the code the <c>evaluate-timing</c> verb
/// runs (only the baselines and the Bayesian stage, to keep it to a few seconds: the import is most of it).
/// </summary>
public sealed class OnlineRetailTimingTests
{
    private static readonly string File = Path.Combine(Repo.Root, "..", "shared", "data", "online-retail", "online_retail_2010-12_2011-12.csv.gz");

    [Fact]
    public async Task Baselines_reproduce_the_reference_and_bayes_is_not_below_the_global_hour()
    {
        Assert.True(System.IO.File.Exists(File), $"missing {File}");
        using var folders = new PluginFolders().WithBundled();
        var catalog = PluginCatalog.Load(folders.Plugins, new StageRegistry(), new McMasterPluginAssemblyLoader(), NullLogger.Instance);
        var data = await TimingData.LoadAsync(File, TimeProvider.System, CancellationToken.None);
        var evaluator = new TimingEvaluator(catalog.Stages, NullLoggerFactory.Instance, folders.Data);

        var results = await evaluator.RunAsync(data, new DateTimeOffset(2011, 9, 1, 0, 0, 0, TimeSpan.Zero), 3,
            [new AlgorithmChoice("bayes-hour-of-week")], CancellationToken.None);

        var global = results.Single(r => r.Strategy == "baseline:global-hour");
        var own = results.Single(r => r.Strategy == "baseline:own-hour");
        var bayes = results.Single(r => r.Strategy == "bayes-hour-of-week");
        // Reference (shared/data/online-retail/README.md and the issue): 0.178 / 0.440 and 0.162 / 0.429, ± 0.01.
        Assert.InRange(global.ExactHour, 0.168, 0.188);
        Assert.InRange(global.Within1h, 0.430, 0.450);
        Assert.InRange(own.ExactHour, 0.152, 0.172);
        Assert.InRange(own.Within1h, 0.419, 0.439);
        Assert.InRange(global.Customers, 1000, 1100);
        Assert.True(bayes.ExactHour >= global.ExactHour && bayes.Within1h >= global.Within1h, $"{bayes} vs {global}");
    }
}

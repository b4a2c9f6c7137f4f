using Campaigns.Evaluation.Timing;
using Campaigns.Host.Plugins;
using Campaigns.Stages;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>Exploration learns from the opens it causes: the regret against the oracle falls over rounds.</summary>
public sealed class TimingSimulationTests
{
    [Fact]
    public async Task Thompson_sampling_regret_falls_over_rounds_and_ends_below_a_fixed_time()
    {
        using var folders = new PluginFolders().WithBundled();
        var catalog = PluginCatalog.Load(folders.Plugins, new StageRegistry(), new McMasterPluginAssemblyLoader(), NullLogger.Instance);
        var simulation = new TimingSimulation(catalog.Stages, NullLoggerFactory.Instance, folders.Data);

        var curves = await simulation.RunAsync(customers: 150, rounds: 16, seed: 11,
            [new("thompson", "bayes-hour-of-week", """{"probabilityDraws":20}"""), new("fixed", "fixed-local-time", """{"windowMinutes":60}""")], CancellationToken.None);

        var thompson = curves[0].Regret;
        var fixedTime = curves[1].Regret;
        // Round 1 is a Sunday (2026-04-05); rounds 9-13 are the second full week's weekdays.
        var firstWeekday = thompson[1];
        var laterWeekdays = thompson.Skip(8).Take(5).Average();
        Assert.True(laterWeekdays < firstWeekday - 0.02, $"regret {string.Join(", ", thompson.Select(r => r.ToString("0.000")))}");
        var fixedLater = fixedTime.Skip(8).Take(5).Average();
        Assert.True(laterWeekdays < fixedLater - 0.1, $"thompson {laterWeekdays:0.000} fixed {fixedLater:0.000}");
        Assert.All(thompson, r => Assert.InRange(r, 0, TimingSimulation.Oracle));
    }
}

using System.Globalization;
using Campaigns.Campaign;
using Campaigns.Experiments;
using Campaigns.Storage;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>allocations &lt;campaign&gt; [--update]</c>: the allocation rounds of a campaign's experiment, oldest first, with the
/// trials and successes each share was computed from; <c>--update</c> first computes the next round now, whatever
/// <c>updateEveryHours</c> says.
/// </summary>
internal sealed class AllocationsVerb : ICliVerb
{
    public string Name => "allocations";
    public string Usage => "allocations <campaign> [--update]                show the experiment's allocation rounds (--update: compute the next now)";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string> { "update" });
        if (cli.Positional.Count != 1)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        var campaign = await services.GetRequiredService<CampaignService>().GetLatestCompiledAsync(cli.Positional[0], CancellationToken.None);
        if (campaign?.Definition.Experiment is not { } experiment)
        {
            Console.Error.WriteLine(campaign is null ? $"no campaign '{cli.Positional[0]}'" : $"campaign '{campaign.Id}' runs no experiment");
            return 2;
        }
        if (cli.Flag("update")) await services.GetRequiredService<AllocationUpdater>().UpdateAsync(campaign, force: true, CancellationToken.None);

        var total = experiment.Variants.Sum(v => v.Weight);
        Console.WriteLine($"experiment {experiment.Id} ({experiment.Allocation.Type}, reward {experiment.Allocation.Reward}, holdout {experiment.HoldoutPercent}%)");
        Console.WriteLine($"  round 0 (declared): " + string.Join(", ", experiment.Variants.Select(v => $"{v.Name} {v.Weight / total:P1}")));
        foreach (var round in await services.GetRequiredService<IAllocationStore>().ListAsync(experiment.Id, CancellationToken.None))
        {
            var segment = round.Segment.Length == 0 ? "" : $" segment '{round.Segment}'";
            var arms = round.Arms.ToDictionary(a => a.Arm, StringComparer.Ordinal);
            Console.WriteLine($"  round {round.Round}{segment} at {round.ComputedAt.ToString("u", CultureInfo.InvariantCulture)}: " +
                string.Join(", ", round.Shares.Select(s => $"{s.Arm} {s.Share:P1} ({Stats(arms.GetValueOrDefault(s.Arm))})")));
        }
        return 0;
    }

    private static string Stats(Campaigns.Learning.ArmStats? arm) => arm is null ? "no data" : $"{arm.Successes}/{arm.Trials}";
}

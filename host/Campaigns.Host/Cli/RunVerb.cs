using Campaigns.Campaign;
using Campaigns.Delivery;
using Campaigns.Planning;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>run &lt;definition.json&gt;</c>: saves the definition (a new version if it changed), plans the current occurrence
/// and delivers it, then exits. Messages go out now unless <c>--respect-send-time</c> is given, in which case only what
/// is due now is sent and the rest waits in the ledger for the host's dispatcher.
/// </summary>
internal sealed class RunVerb : ICliVerb
{
    public string Name => "run";
    public string Usage => "run <definition.json> [--occurrence ID] [--respect-send-time]   plan and deliver one campaign occurrence";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string> { "respect-send-time" });
        if (cli.Positional.Count != 1)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        var path = cli.Positional[0];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"no such file: {path}");
            return 2;
        }

        StoredCampaignSummary saved;
        try
        {
            var stored = await services.GetRequiredService<CampaignService>().SaveAsync(await File.ReadAllTextAsync(path), CancellationToken.None);
            saved = new StoredCampaignSummary(stored.Id, stored.Version);
        }
        catch (CampaignDefinitionException ex)
        {
            Console.Error.WriteLine($"{path}: {ex.Message}");
            return 2;
        }

        var compiled = await services.GetRequiredService<CampaignService>().GetCompiledAsync(saved.Id, saved.Version, CancellationToken.None);
        if (compiled.Schedule.IsTrigger)
        {
            // Nothing to run: the version is stored and active; events plan it from now on (docs/triggers.md).
            Console.WriteLine($"campaign {saved.Id} v{saved.Version} saved: a {compiled.Definition.Trigger!.On} trigger campaign, planned from events " +
                              "(the host's event API, or `trigger <events.csv>`)");
            return 0;
        }
        var mode = cli.Flag("respect-send-time") ? PlanMode.Scheduled : PlanMode.SendNow;
        var plan = await services.GetRequiredService<CampaignRunner>().RunAsync(saved.Id, mode, cli.Get("occurrence"), CancellationToken.None);
        Console.WriteLine($"campaign {plan.CampaignId} v{plan.Version}, occurrence {plan.Occurrence}: audience {plan.Audience}, " +
                          $"planned {plan.Planned}, already in ledger {plan.AlreadyInLedger}, failed {plan.Failed}, planned in {plan.Elapsed.TotalSeconds:0.00}s");
        foreach (var (reason, count) in plan.Suppressed.OrderByDescending(kv => kv.Value))
            Console.WriteLine($"  suppressed {count}: {reason}");

        var sent = await services.GetRequiredService<DeliveryDispatcher>().DispatchAsync(new DispatchScope(plan.CampaignId, plan.Occurrence), CancellationToken.None);
        Console.WriteLine($"delivered: {sent.Sent} sent, {sent.Retrying} to retry, {sent.Failed} failed");
        if (mode == PlanMode.Scheduled && plan.SendSlots.Count > 0)
            Console.WriteLine($"the rest is due between {plan.SendSlots[0]:u} and {plan.SendSlots[^1]:u}; the host's dispatcher sends it then");
        return 0;
    }

    private sealed record StoredCampaignSummary(string Id, int Version);
}

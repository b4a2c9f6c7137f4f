using Campaigns.Data;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>
/// <c>evaluate-policy --candidate timing:...</c> through the real executable over logged slot decisions with a known
/// answer (<see cref="SlotLog"/>), once on SQLite and once on PostgreSQL, and its refusals.
/// </summary>
public sealed class TimingPolicyVerbTests
{
    [Fact]
    public async Task A_timing_strategy_is_valued_from_explored_slot_decisions_on_sqlite()
    {
        using var host = new HostProcess();
        await SlotLog.WriteAsync(CampaignsDatabase.SqliteFile(Path.Combine(host.DataFolder, CampaignsDatabase.SqliteFileName)));
        await EvaluateAsync(host);
    }

    [Fact]
    public async Task A_timing_strategy_is_valued_from_explored_slot_decisions_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var host = new HostProcess(database.ConnectionString);
        await SlotLog.WriteAsync(CampaignsDatabase.PostgreSql(database.ConnectionString));
        await EvaluateAsync(host);
    }

    private static async Task EvaluateAsync(HostProcess host)
    {
        // Everyone buys only when sent in their busiest hour: sending there is worth 1, the logged noon-mostly policy 50 of 1,200.
        var personal = await host.RunAsync("evaluate-policy", SlotLog.Campaign, "--candidate", "timing:most-active", "--reward", "purchase");
        Assert.True(personal.ExitCode == 0, personal.ToString());
        Assert.Contains("evaluate-policy send-hours: 1,200 slot decisions, reward = purchase", personal.Out);
        Assert.Contains("logged policy (fixed-local-time 1): 0.0417 [", personal.Out);
        Assert.Contains("candidate timing:most-active:", personal.Out);
        Assert.Contains("IPS            1.0000 [", personal.Out);
        Assert.Contains("SNIPS          1.0000 [", personal.Out);
        Assert.Contains("doubly robust  1.0000 [", personal.Out);
        Assert.Contains("mean weight 1.000", personal.Out);

        var noon = await host.RunAsync("evaluate-policy", SlotLog.Campaign, "--candidate", "timing:fixed:12", "--reward", "purchase");
        Assert.True(noon.ExitCode == 0, noon.ToString());
        Assert.Contains("IPS            0.0000 [", noon.Out);
        Assert.Contains("mean weight 1.000", noon.Out);

        var unknown = await host.RunAsync("evaluate-policy", SlotLog.Campaign, "--candidate", "timing:median-hour");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown candidate 'timing:median-hour': use timing:fixed:H (H = 0-23), timing:most-active or timing:bayes-hour-of-week", unknown.Error);

        var unexplored = await host.RunAsync("evaluate-policy", SlotLog.Unexplored, "--candidate", "timing:most-active");
        Assert.Equal(2, unexplored.ExitCode);
        Assert.Contains("every one of its 1,200 slot decisions was logged with probability 1 (no exploration)", unexplored.Error);
        Assert.Contains("set \"exploration\" in the campaign's timing block", unexplored.Error);

        var legacy = await host.RunAsync("evaluate-policy", SlotLog.Legacy, "--candidate", "timing:fixed:10");
        Assert.Equal(2, legacy.ExitCode);
        Assert.Contains("none of its 1,200 slot decisions logged a local hour", legacy.Error);

        var mixed = await host.RunAsync("evaluate-policy", SlotLog.Campaign, "--kind", "variant", "--candidate", "timing:fixed:10");
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("slot decisions are evaluated with --candidate timing:", mixed.Error);
    }
}

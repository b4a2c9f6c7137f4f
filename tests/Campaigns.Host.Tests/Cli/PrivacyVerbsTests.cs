using System.Text.RegularExpressions;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>
/// <c>suppress</c>, <c>unsuppress</c>, <c>suppressions</c> and <c>erase</c> through the real executable, on SQLite and
/// on PostgreSQL: bad input is refused with the field named and stores nothing; erasure reports what it removed per table.
/// </summary>
public sealed class PrivacyVerbsTests
{
    [Fact]
    public async Task Suppression_and_erasure_verbs_work_on_sqlite()
    {
        using var host = new HostProcess();
        await SuppressThenEraseAsync(host);
    }

    [Fact]
    public async Task Suppression_and_erasure_verbs_work_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var host = new HostProcess(database.ConnectionString);
        await SuppressThenEraseAsync(host);
    }

    private static async Task SuppressThenEraseAsync(HostProcess host)
    {
        Assert.Equal(0, (await host.RunAsync("import", Repo.SampleData)).ExitCode);

        var bad = await host.RunAsync("suppress", "12583", "email", "annoyed");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("reason: must be one of unsubscribed, bounced, complained", bad.Error);
        Assert.Contains("channelKind", (await host.RunAsync("suppress", "12583", "E-Mail", "complained")).Error);
        Assert.Contains("0 entries", (await host.RunAsync("suppressions")).Out);

        var complaint = await host.RunAsync("suppress", "12583", "*", "complained", "--detail", "feedback loop");
        Assert.True(complaint.ExitCode == 0, complaint.ToString());
        Assert.Contains("suppressed '12583' on *: complained", complaint.Out);
        Assert.Equal(0, (await host.RunAsync("suppress", "12415", "sms", "unsubscribed")).ExitCode);
        Assert.Contains("already suppressed on sms (unsubscribed", (await host.RunAsync("suppress", "12415", "sms", "bounced")).Out);
        var listed = await host.RunAsync("suppressions");
        Assert.Matches(@"12583\s+\*\s+complained\s+feedback loop", listed.Out);
        Assert.Contains("2 entries", listed.Out);
        Assert.Equal(0, (await host.RunAsync("unsuppress", "12415", "sms")).ExitCode);
        Assert.Equal(1, (await host.RunAsync("unsuppress", "12415", "sms")).ExitCode);

        var erased = await host.RunAsync("erase", "12583");
        Assert.True(erased.ExitCode == 0, erased.ToString());
        Assert.Matches(@"customers\s+1\s+deleted", erased.Out);
        Assert.True(int.Parse(Regex.Match(erased.Out, @"events\s+([\d,]+)\s+deleted").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 10, erased.Out);
        Assert.Matches(@"suppressions\s+1\s+deleted", erased.Out);
        var after = await host.RunAsync("suppressions");
        Assert.DoesNotContain("12583", after.Out);
        Assert.Matches(@"erased-[0-9a-f]{64}\s+\*\s+erased", after.Out);

        Assert.Contains("was erased before", (await host.RunAsync("erase", "12583")).Out);
        var unknown = await host.RunAsync("erase", "no-such-customer");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("unknown customer 'no-such-customer'", unknown.Error);
    }
}

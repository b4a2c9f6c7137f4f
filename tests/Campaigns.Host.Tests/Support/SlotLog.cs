using Campaigns.Data;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Support;

/// <summary>
/// Logged slot decisions with known results, written through the product's stores as the planner would log them with
/// <c>timing.exploration</c> 0.5 over a 08:00–19:00 window around a fixed 12:00. 1,200 customers: half are active
/// (and buy) only at 09:00, half only at 19:00. In every 24 customers of a half, 13 got 12:00 and one each of the other
/// eleven hours: exactly the logged propensities (0.5 + 0.5/12 and 0.5/12), so IPS is exact. Two more campaigns log
/// slot decisions that cannot be evaluated: <see cref="Unexplored"/> (every probability 1) and <see cref="Legacy"/> (no hour).
/// </summary>
internal static class SlotLog
{
    public const string Campaign = "send-hours";
    public const string Unexplored = "send-hours-fixed";
    public const string Legacy = "send-hours-legacy";
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly int[] Others = [8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19];

    public static async Task WriteAsync(CampaignsDatabase database)
    {
        await using var services = new ServiceCollection().AddLogging().AddCampaignsData(database).BuildServiceProvider();
        await services.MigrateCampaignsDatabaseAsync();
        var candidates = Enumerable.Range(8, 12).ToDictionary(h => $"{h}", h => 0.5 / 12 + (h == 12 ? 0.5 : 0));
        var decisions = new List<LoggedDecision>();
        var purchases = new List<StoredEvent>();
        for (var i = 0; i < 1_200; i++)
        {
            var (customer, busiest, j) = ($"s{i:D4}", i % 2 == 0 ? 9 : 19, i / 2);
            var hour = j % 24 < 13 ? 12 : Others[j % 24 - 13];
            var at = T0.AddHours(hour);
            var activity = string.Join(',', Enumerable.Range(0, 24).Select(h => h == busiest ? "5" : "0"));
            decisions.Add(Slot(Campaign, customer, at, candidates[$"{hour}"]) with
            {
                Candidates = candidates,
                Features = new Dictionary<string, string> { ["hour"] = $"{hour}", ["activity"] = activity },
            });
            decisions.Add(Slot(Unexplored, customer, T0.AddHours(12), 1) with { Features = new Dictionary<string, string> { ["hour"] = "12", ["activity"] = activity } });
            decisions.Add(Slot(Legacy, customer, T0.AddHours(12), 1));
            if (hour == busiest) purchases.Add(new StoredEvent($"p-{i}", new Interaction(customer, "ITEM-1", "purchase", at.AddHours(2), 1, 10m)));
        }
        await services.GetRequiredService<IImportWriter>().AddEventsAsync(purchases, CancellationToken.None);
        await services.GetRequiredService<IDecisionLog>().AppendAsync(decisions, CancellationToken.None);
    }

    private static LoggedDecision Slot(string campaign, string customer, DateTimeOffset at, double probability) =>
        new(LedgerEntry.KeyOf(campaign, "o1", customer, "main"), campaign, 1, "o1", customer, "slot", "fixed-local-time", "1",
            at.UtcDateTime.ToString("O"), probability, T0);
}

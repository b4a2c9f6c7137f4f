using Campaigns.Data;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Support;

/// <summary>
/// A logged experiment with known results, written through the product's stores as the planner and dispatcher would:
/// 1,000 customers over three days, 20% holdout (suppressed, never sent), 40% variant a, 40% variant b, each with a
/// variant decision and its probability; a, b sent. 10% of the holdout, 20% of a and 30% of b buy 10.00 two hours after
/// their decision; every seventh customer also buys ten days later, outside any window.
/// </summary>
internal static class ExperimentLog
{
    public const string Campaign = "promo";
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(CampaignsDatabase database)
    {
        await using var services = new ServiceCollection().AddLogging().AddCampaignsData(database).BuildServiceProvider();
        await services.MigrateCampaignsDatabaseAsync();
        var ledger = services.GetRequiredService<ILedgerStore>();
        var shares = new Dictionary<string, double> { ["holdout"] = 0.2, ["a"] = 0.4, ["b"] = 0.4 };
        var decisions = new List<LoggedDecision>();
        var rows = new List<LedgerEntry>();
        var purchases = new List<StoredEvent>();
        for (var i = 0; i < 1_000; i++)
        {
            var (customer, arm, j) = ($"c{i:D4}", (i % 5) switch { 0 => "holdout", 1 or 2 => "a", _ => "b" }, i / 5);
            var at = T0.AddDays(i % 3);
            var key = LedgerEntry.KeyOf(Campaign, "o1", customer, "main");
            decisions.Add(new LoggedDecision(key, Campaign, 1, "o1", customer, "variant", "split", "v1", arm, shares[arm], at)
            {
                Candidates = shares,
                Features = new Dictionary<string, string> { ["segment"] = i % 2 == 0 ? "new" : "loyal" },
            });
            rows.Add(new LedgerEntry(key, Campaign, 1, "o1", customer, "main", arm == "holdout" ? DeliveryState.Suppressed : DeliveryState.Planned,
                arm == "holdout" ? "holdout:campaign" : null, at, at, $"{customer}@example.test", "Hi", arm == "holdout" ? null : "body", []) { ChannelKind = "email" });
            var converts = arm switch { "holdout" => j % 10 == 0, "a" => j % 5 == 0, _ => j % 10 < 3 };
            if (converts) purchases.Add(new StoredEvent($"p-{i}", new Interaction(customer, "ITEM-1", "purchase", at.AddHours(2), 1, 10m)));
            if (i % 7 == 0) purchases.Add(new StoredEvent($"late-{i}", new Interaction(customer, "ITEM-2", "purchase", at.AddDays(10), 1, 99m)));
        }
        await ledger.InsertAsync(rows, CancellationToken.None);
        var claimed = await ledger.ClaimDueAsync(new ClaimRequest(T0.AddDays(3), 10_000, "test", TimeSpan.FromMinutes(5), Campaign), CancellationToken.None);
        await ledger.CompleteAsync([.. claimed.Select(r => new LedgerCompletion(r.Key, DeliveryState.Sent, "id-" + r.Key, r.SendAt))], CancellationToken.None);
        await services.GetRequiredService<IImportWriter>().AddEventsAsync(purchases, CancellationToken.None);
        await services.GetRequiredService<IAttributionStore>().AttributeAsync(T0, T0.AddDays(20), AttributionWindows.Default, CancellationToken.None);
        await services.GetRequiredService<IDecisionLog>().AppendAsync(decisions, CancellationToken.None);
    }
}

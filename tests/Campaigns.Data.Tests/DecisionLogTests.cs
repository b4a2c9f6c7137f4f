using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using Campaigns.Tracking;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>The decision log keeps one decision per message and kind, and reads each back with what followed it.</summary>
public abstract class DecisionLogTests(DatabaseFixture fixture)
{
    private readonly IDecisionLog _log = fixture.Get<IDecisionLog>();
    private readonly ILedgerStore _ledger = fixture.Get<ILedgerStore>();
    private readonly IImportWriter _events = fixture.Get<IImportWriter>();
    private readonly IAttributionStore _attribution = fixture.Get<IAttributionStore>();

    [Fact]
    public async Task Decisions_are_logged_once_and_read_back_with_opens_clicks_and_attributed_revenue()
    {
        var campaign = Unique("spring");
        var (ann, bob) = (Unique("ann"), Unique("bob"));
        var annKey = await SentAsync(campaign, ann, "lamp");
        var bobKey = await SentAsync(campaign, bob, "mug");
        await _events.AddEventsAsync(
        [
            new StoredEvent(TrackingEvents.OpenId(annKey), new Interaction(ann, "", "open", T0.AddHours(1))),
            new StoredEvent(TrackingEvents.ClickId(annKey, "https://shop/lamp", T0.AddHours(2)), new Interaction(ann, "lamp", "click", T0.AddHours(2))),
            new StoredEvent(Unique("p"), new Interaction(ann, "lamp", "purchase", T0.AddHours(3), 2, 10m)),
        ], default);
        await _attribution.AttributeAsync(T0, T0.AddDays(2), AttributionWindows.Default, default);
        var variant = new LoggedDecision(annKey, campaign, 1, "o1", ann, DecisionKinds.Variant, "thompson", "round-3", "b", 0.7, T0)
        {
            Candidates = new Dictionary<string, double> { ["a"] = 0.3, ["b"] = 0.7 },
            Features = new Dictionary<string, string> { ["segment"] = "lapsed" },
        };

        await _log.AppendAsync([variant, variant with { DeliveryKey = bobKey, CustomerId = bob, Chosen = "a", Probability = 0.3 }], default);
        await _log.AppendAsync([variant with { Chosen = "a", Probability = 0.3 }], default);

        var read = new List<LoggedOutcome>();
        await foreach (var batch in _log.ReadAsync(campaign, DecisionKinds.Variant, 1, default)) read.AddRange(batch);
        Assert.Equal(2, read.Count);
        var annOutcome = read.Single(o => o.Decision.CustomerId == ann);
        Assert.Equal(("b", 0.7, "sent", true, true, 1, 20m), (annOutcome.Decision.Chosen, annOutcome.Decision.Probability, annOutcome.DeliveryState,
            annOutcome.Opened, annOutcome.Clicked, annOutcome.Conversions, annOutcome.Revenue));
        Assert.Equal(0.3, annOutcome.Decision.Candidates!["a"]);
        Assert.Equal("lapsed", annOutcome.Decision.Features!["segment"]);
        var bobOutcome = read.Single(o => o.Decision.CustomerId == bob);
        Assert.Equal((false, false, 0, 0m), (bobOutcome.Opened, bobOutcome.Clicked, bobOutcome.Conversions, bobOutcome.Revenue));
        await foreach (var batch in _log.ReadAsync(campaign, DecisionKinds.Slot, 10, default)) Assert.Empty(batch);
    }

    private async Task<string> SentAsync(string campaign, string customer, string item)
    {
        var entry = Entry(campaign, customer, T0) with { ItemIds = [item], ChannelKind = "email" };
        await _ledger.InsertAsync([entry], default);
        var claimed = await _ledger.ClaimDueAsync(new ClaimRequest(T0, 10, "w", TimeSpan.FromMinutes(5), campaign), default);
        await _ledger.CompleteAsync([.. claimed.Select(c => new LedgerCompletion(c.Key, DeliveryState.Sent, "id", T0))], default);
        return entry.Key;
    }
}

public sealed class SqliteDecisionLogTests(SqliteFixture fixture) : DecisionLogTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresDecisionLogTests(PostgresFixture fixture) : DecisionLogTests(fixture), IClassFixture<PostgresFixture>;

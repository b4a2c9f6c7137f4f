using System.Collections.Concurrent;
using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>Claiming due rows: what is due, leases, retries, and two dispatchers at once.</summary>
public abstract class LedgerClaimTests(DatabaseFixture fixture)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly ILedgerStore _ledger = fixture.Get<ILedgerStore>();

    [Fact]
    public async Task Only_due_planned_rows_are_claimed_and_they_become_sending()
    {
        var campaign = Unique("due");
        await _ledger.InsertAsync(
        [
            Entry(campaign, "early", T0.AddMinutes(-1)),
            Entry(campaign, "now", T0),
            Entry(campaign, "later", T0.AddMilliseconds(1)),
            Entry(campaign, "suppressed", T0.AddMinutes(-1), DeliveryState.Suppressed),
            Entry(campaign, "other-occurrence", T0, occurrence: "o2"),
        ], default);

        var claimed = await _ledger.ClaimDueAsync(new ClaimRequest(T0, 100, "w1", Lease, campaign, "o1"), default);

        Assert.Equal(["early", "now"], claimed.Select(e => e.CustomerId));
        Assert.All(claimed, e => Assert.Equal((DeliveryState.Sending, 1), (e.State, e.Attempts)));
        Assert.Empty(await _ledger.ClaimDueAsync(new ClaimRequest(T0, 100, "w1", Lease, campaign, "o1"), default));
        var counts = await _ledger.CountByStateAsync(campaign, null, default);
        Assert.Equal((2L, 2L, 1L), (counts[DeliveryState.Sending], counts[DeliveryState.Planned], counts[DeliveryState.Suppressed]));
    }

    [Fact]
    public async Task Claims_respect_the_batch_size_and_hand_out_the_earliest_first()
    {
        var campaign = Unique("max");
        await _ledger.InsertAsync([.. Enumerable.Range(0, 10).Select(i => Entry(campaign, $"c{i}", T0.AddMinutes(-i)))], default);

        var first = await _ledger.ClaimDueAsync(new ClaimRequest(T0, 3, "w1", Lease, campaign), default);

        Assert.Equal(["c9", "c8", "c7"], first.Select(e => e.CustomerId));
    }

    [Fact]
    public async Task Without_a_campaign_every_due_row_is_claimed()
    {
        // Before 2000 no other test of this class has a due row or an expired lease.
        var now = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var a = Unique("any-a");
        var b = Unique("any-b");
        await _ledger.InsertAsync([Entry(a, "x", now.AddDays(-1)), Entry(b, "y", now.AddDays(-2)), Entry(b, "z", now.AddDays(1))], default);

        var claimed = await _ledger.ClaimDueAsync(new ClaimRequest(now, 100, "w1", Lease), default);

        Assert.Equal([(b, "y"), (a, "x")], claimed.Select(e => (e.CampaignId, e.CustomerId)));
    }

    [Fact]
    public async Task A_sending_row_is_claimed_again_only_after_its_lease_expired()
    {
        var campaign = Unique("lease");
        await _ledger.InsertAsync([Entry(campaign, "a", T0)], default);
        Assert.Single(await _ledger.ClaimDueAsync(new ClaimRequest(T0, 10, "crashed-host", Lease, campaign), default));

        var withinLease = await _ledger.ClaimDueAsync(new ClaimRequest(T0 + Lease - TimeSpan.FromSeconds(1), 10, "w2", Lease, campaign), default);
        var afterLease = await _ledger.ClaimDueAsync(new ClaimRequest(T0 + Lease + TimeSpan.FromSeconds(1), 10, "w2", Lease, campaign), default);

        Assert.Empty(withinLease);
        Assert.Equal((DeliveryState.Sending, 2), (afterLease.Single().State, afterLease.Single().Attempts));
    }

    [Fact]
    public async Task A_retry_is_not_due_before_its_retry_time()
    {
        var campaign = Unique("retry");
        var entry = Entry(campaign, "a", T0);
        await _ledger.InsertAsync([entry], default);
        await _ledger.ClaimDueAsync(new ClaimRequest(T0, 10, "w1", Lease, campaign), default);
        var retryAt = T0.AddMinutes(20);
        await _ledger.CompleteAsync([new LedgerCompletion(entry.Key, DeliveryState.Planned, "provider busy", T0.AddSeconds(1), retryAt)], default);

        var early = await _ledger.ClaimDueAsync(new ClaimRequest(retryAt.AddMilliseconds(-1), 10, "w1", Lease, campaign), default);
        var due = await _ledger.ClaimDueAsync(new ClaimRequest(retryAt, 10, "w1", Lease, campaign), default);

        Assert.Empty(early);
        Assert.Equal((retryAt, 2, "provider busy"), (due.Single().SendAt, due.Single().Attempts, due.Single().Reason));
    }

    [Fact]
    public async Task Two_dispatchers_claiming_at_once_get_disjoint_batches_that_cover_every_row()
    {
        var campaign = Unique("race");
        await _ledger.InsertAsync(Entries(campaign, 2_000, T0), default);
        // Two hosts: separate service providers, separate connection pools.
        var hosts = new[] { _ledger, fixture.CreateServices().GetRequiredService<ILedgerStore>() };
        var claimedBy = new ConcurrentDictionary<string, int>();
        var duplicates = new ConcurrentBag<string>();

        await Task.WhenAll(hosts.Select((ledger, worker) => Task.Run(async () =>
        {
            while (true)
            {
                var batch = await ledger.ClaimDueAsync(new ClaimRequest(T0, 25, $"w{worker}", Lease, campaign), default);
                if (batch.Count == 0)
                    return;
                foreach (var entry in batch)
                    if (!claimedBy.TryAdd(entry.Key, worker))
                        duplicates.Add(entry.Key);
            }
        })));

        Assert.Empty(duplicates);
        Assert.Equal(2_000, claimedBy.Count);
        Assert.Equal(2_000, (await _ledger.CountByStateAsync(campaign, null, default))[DeliveryState.Sending]);
    }
}

public sealed class SqliteLedgerClaimTests(SqliteFixture fixture) : LedgerClaimTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresLedgerClaimTests(PostgresFixture fixture) : LedgerClaimTests(fixture), IClassFixture<PostgresFixture>;

using Campaigns.Data.Tests.Fixtures;
using Campaigns.Learning;
using Campaigns.Storage;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>Allocation rounds are kept per experiment and segment, once each, and the newest of each segment is found; ledger rows keep their variant.</summary>
public abstract class AllocationStoreTests(DatabaseFixture fixture)
{
    private readonly IAllocationStore _rounds = fixture.Get<IAllocationStore>();
    private readonly ILedgerStore _ledger = fixture.Get<ILedgerStore>();

    [Fact]
    public async Task Rounds_are_stored_once_and_the_newest_of_each_segment_is_found()
    {
        var experiment = Unique("exp");
        AllocationRound Round(string segment, int number, double b) => new(experiment, "spring", segment, number,
            [new ArmShare("A", 1 - b), new ArmShare("B", b)], [new ArmStats("A", 100, 3), new ArmStats("B", 100, 9)], T0.AddHours(number));

        Assert.True(await _rounds.AddAsync(Round("", 1, 0.6), default));
        Assert.True(await _rounds.AddAsync(Round("", 2, 0.8), default));
        Assert.True(await _rounds.AddAsync(Round("UK", 1, 0.3), default));
        Assert.False(await _rounds.AddAsync(Round("", 2, 0.1), default)); // another host computed round 2 first: it stays

        var latest = await _rounds.LatestAsync(experiment, default);
        Assert.Equal([("", 2, 0.8), ("UK", 1, 0.3)], latest.Select(r => (r.Segment, r.Round, r.Shares.Single(s => s.Arm == "B").Share)));
        Assert.Equal(new ArmStats("B", 100, 9), latest[0].Arms[1]);
        Assert.Equal(T0.AddHours(2), latest[0].ComputedAt);
        Assert.Equal(3, (await _rounds.ListAsync(experiment, default)).Count);
        Assert.Empty(await _rounds.LatestAsync(Unique("other"), default));
    }

    [Fact]
    public async Task Ledger_rows_keep_their_variant()
    {
        var campaign = Unique("exp");
        await _ledger.InsertAsync([Entry(campaign, "ann", T0) with { Variant = "B" }, Entry(campaign, "bob", T0, DeliveryState.Suppressed) with { Variant = "holdout", Reason = "holdout:campaign" }, Entry(campaign, "cat", T0)], default);
        var rows = await _ledger.ListAsync(campaign, null, 10, default);
        Assert.Equal(["B", "holdout", null], rows.OrderBy(r => r.CustomerId).Select(r => r.Variant));
    }
}

public sealed class SqliteAllocationStoreTests(SqliteFixture fixture) : AllocationStoreTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAllocationStoreTests(PostgresFixture fixture) : AllocationStoreTests(fixture), IClassFixture<PostgresFixture>;

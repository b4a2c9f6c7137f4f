using Campaigns.Data.Access;
using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using Dapper;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>Inserting, reading and completing ledger rows. Claims here are always scoped to the test's own campaign.</summary>
public abstract class LedgerTests(DatabaseFixture fixture)
{
    private readonly ILedgerStore _ledger = fixture.Get<ILedgerStore>();

    [Fact]
    public async Task Inserting_the_same_rows_twice_stores_each_key_once()
    {
        var campaign = Unique("ins");
        var rows = Entries(campaign, 100, T0);

        Assert.Equal(100, await _ledger.InsertAsync(rows, default));
        Assert.Equal(0, await _ledger.InsertAsync(rows, default));
        Assert.Equal(50, await _ledger.InsertAsync([.. rows, .. Entries(campaign, 150, T0).Skip(100), rows[0]], default));

        Assert.Equal(150, (await _ledger.CountByStateAsync(campaign, null, default))[DeliveryState.Planned]);
        Assert.Equal(150, (await _ledger.ListAsync(campaign, "o1", 1_000, default)).Count);
    }

    [Fact]
    public async Task Rows_read_back_in_key_order_with_every_field()
    {
        var campaign = Unique("list");
        var entry = Entry(campaign, "b", T0) with { PreferredAt = T0.AddHours(3), CampaignVersion = 4, ItemIds = ["x", "y", "z"] };
        await _ledger.InsertAsync([entry, Entry(campaign, "a", T0, DeliveryState.Suppressed), Entry(campaign, "c", T0, occurrence: "o2")], default);

        var o1 = await _ledger.ListAsync(campaign, "o1", 10, default);
        var all = await _ledger.ListAsync(campaign, null, 2, default);

        Assert.Equal(["a", "b"], o1.Select(e => e.CustomerId));
        Assert.Equal(entry, o1[1] with { ItemIds = entry.ItemIds });
        Assert.Equal(["x", "y", "z"], o1[1].ItemIds);
        Assert.Equal("no consent", o1[0].Reason);
        Assert.Equal(2, all.Count);
        var counts = await _ledger.CountByStateAsync(campaign, null, default);
        Assert.Equal((2L, 1L, 0L), (counts[DeliveryState.Planned], counts[DeliveryState.Suppressed], counts[DeliveryState.Sent]));
        Assert.Equal(1, (await _ledger.CountByStateAsync(campaign, "o2", default))[DeliveryState.Planned]);
    }

    [Fact]
    public async Task Completions_move_claimed_rows_and_write_one_outcome_each()
    {
        var campaign = Unique("done");
        await _ledger.InsertAsync([.. "abcde".Select(c => Entry(campaign, c.ToString(), T0))], default);
        var claimed = await _ledger.ClaimDueAsync(new ClaimRequest(T0, 4, "w1", TimeSpan.FromMinutes(5), campaign), default);
        Assert.Equal(["a", "b", "c", "d"], claimed.Select(e => e.CustomerId));
        var at = T0.AddSeconds(10);

        await _ledger.CompleteAsync(
        [
            new LedgerCompletion(Key(campaign, "a"), DeliveryState.Sent, "provider-1", at),
            new LedgerCompletion(Key(campaign, "b"), DeliveryState.Failed, "bounced", at),
            new LedgerCompletion(Key(campaign, "c"), DeliveryState.Planned, "rate limited", at, T0.AddMinutes(30)),
            new LedgerCompletion(Key(campaign, "d"), DeliveryState.Suppressed, "unsubscribed", at),
            new LedgerCompletion(Key(campaign, "e"), DeliveryState.Sent, "never claimed", at),
        ], default);
        await _ledger.CompleteAsync([new LedgerCompletion(Key(campaign, "a"), DeliveryState.Failed, "late duplicate", at)], default);

        var rows = (await _ledger.ListAsync(campaign, null, 10, default)).ToDictionary(e => e.CustomerId);
        Assert.Equal((DeliveryState.Sent, null), (rows["a"].State, rows["a"].Reason));
        Assert.Equal((DeliveryState.Failed, "bounced"), (rows["b"].State, rows["b"].Reason));
        Assert.Equal((DeliveryState.Planned, T0.AddMinutes(30), 1), (rows["c"].State, rows["c"].SendAt, rows["c"].Attempts));
        Assert.Equal((DeliveryState.Suppressed, "unsubscribed"), (rows["d"].State, rows["d"].Reason));
        Assert.Equal((DeliveryState.Planned, 0), (rows["e"].State, rows["e"].Attempts));

        var sent = await Single<(string ProviderId, long SentAt)>($"SELECT provider_id, sent_at FROM deliveries WHERE key = @key", Key(campaign, "a"));
        Assert.Equal(("provider-1", at.ToUnixTimeMilliseconds()), sent);
        var outcomes = await Query<(string Key, string State, string Detail, long At)>(
            "SELECT delivery_key, state, detail, at FROM delivery_outcomes WHERE delivery_key LIKE @key ORDER BY delivery_key", campaign + ":%");
        Assert.Equal(
        [
            (Key(campaign, "a"), "sent", "provider-1", at.ToUnixTimeMilliseconds()),
            (Key(campaign, "b"), "failed", "bounced", at.ToUnixTimeMilliseconds()),
            (Key(campaign, "c"), "planned", "rate limited", at.ToUnixTimeMilliseconds()),
            (Key(campaign, "d"), "suppressed", "unsubscribed", at.ToUnixTimeMilliseconds()),
        ], outcomes);
    }

    [Fact]
    public async Task Inserting_a_planned_row_again_never_resets_a_sent_one()
    {
        var campaign = Unique("again");
        var entry = Entry(campaign, "a", T0);
        await _ledger.InsertAsync([entry], default);
        await _ledger.ClaimDueAsync(new ClaimRequest(T0, 10, "w1", TimeSpan.FromMinutes(5), campaign), default);
        await _ledger.CompleteAsync([new LedgerCompletion(entry.Key, DeliveryState.Sent, "p-1", T0)], default);

        Assert.Equal(0, await _ledger.InsertAsync([entry], default));

        Assert.Equal(DeliveryState.Sent, (await _ledger.ListAsync(campaign, null, 10, default)).Single().State);
        Assert.Empty(await _ledger.ClaimDueAsync(new ClaimRequest(T0.AddDays(1), 10, "w1", TimeSpan.FromMinutes(5), campaign), default));
    }

    [Fact]
    public async Task A_completion_cannot_set_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _ledger.CompleteAsync([new LedgerCompletion("k", DeliveryState.Sending, null, T0)], default));
    }

    [Fact]
    public async Task NextDue_is_the_earliest_planned_send_time()
    {
        // The only rows of this class before 2000, so no other test moves the answer.
        var campaign = Unique("next");
        var earliest = new DateTimeOffset(1995, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await _ledger.InsertAsync(
        [
            Entry(campaign, "suppressed", earliest.AddDays(-1), DeliveryState.Suppressed),
            Entry(campaign, "planned", earliest),
            Entry(campaign, "later", earliest.AddDays(1)),
        ], default);

        Assert.Equal(earliest, await _ledger.NextDueAsync(default));
        var everywhere = await _ledger.CountByStateAsync(null, null, default);
        Assert.Equal(Enum.GetValues<DeliveryState>(), everywhere.Keys.Order());
        Assert.True(everywhere[DeliveryState.Planned] >= 2 && everywhere[DeliveryState.Suppressed] >= 1);
    }

    private static string Key(string campaign, string customer) => LedgerEntry.KeyOf(campaign, "o1", customer, "main");

    private async Task<T> Single<T>(string sql, string key) => (await Query<T>(sql, key)).Single();

    private async Task<List<T>> Query<T>(string sql, string key)
    {
        await using var connection = await fixture.Get<ISqlDatabase>().OpenAsync(default);
        return (await connection.QueryAsync<T>(sql, new { key })).AsList();
    }
}

public sealed class SqliteLedgerTests(SqliteFixture fixture) : LedgerTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresLedgerTests(PostgresFixture fixture) : LedgerTests(fixture), IClassFixture<PostgresFixture>;

using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>A trigger campaign's watermark only moves forward (two hosts advance it), and the catch-up finds which ledger keys exist.</summary>
public abstract class TriggerWatermarkTests(DatabaseFixture fixture)
{
    private readonly ITriggerWatermarks _marks = fixture.Get<ITriggerWatermarks>();
    private readonly ILedgerStore _ledger = fixture.Get<ILedgerStore>();

    [Fact]
    public async Task A_watermark_starts_unset_moves_forward_and_never_back()
    {
        var campaign = Unique("cart");
        Assert.Null(await _marks.GetAsync(campaign, default));

        await _marks.AdvanceAsync(campaign, T0.AddMinutes(5), default);
        await _marks.AdvanceAsync(campaign, T0.AddMinutes(2), default); // a slower host commits an older batch after
        Assert.Equal(T0.AddMinutes(5), await _marks.GetAsync(campaign, default));

        await _marks.AdvanceAsync(campaign, T0.AddMinutes(9), default);
        Assert.Equal(T0.AddMinutes(9), await _marks.GetAsync(campaign, default));
        Assert.Null(await _marks.GetAsync(Unique("other"), default));
    }

    [Fact]
    public async Task The_keys_already_in_the_ledger_are_found_among_many()
    {
        var campaign = Unique("cart");
        var stored = Entries(campaign, 3, T0);
        await _ledger.InsertAsync(stored, default);

        var asked = stored.Select(e => e.Key).Concat(Enumerable.Range(0, 1_500).Select(i => $"{campaign}:missing:{i}:main")).ToList();
        var found = await _marks.ExistingKeysAsync(asked, default);

        Assert.Equal(stored.Select(e => e.Key).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Empty(await _marks.ExistingKeysAsync([], default));
    }
}

public sealed class SqliteTriggerWatermarkTests(SqliteFixture fixture) : TriggerWatermarkTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresTriggerWatermarkTests(PostgresFixture fixture) : TriggerWatermarkTests(fixture), IClassFixture<PostgresFixture>;

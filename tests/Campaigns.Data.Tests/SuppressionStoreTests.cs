using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

public abstract class SuppressionStoreTests(DatabaseFixture fixture)
{
    private readonly ISuppressionStore _store = fixture.Get<ISuppressionStore>();

    [Fact]
    public async Task A_customer_is_suppressed_per_channel_kind_and_the_first_reason_stays()
    {
        var (ann, bob, cat) = (Unique("ann"), Unique("bob"), Unique("cat"));

        await _store.AddAsync([new Suppression(ann, "email", "bounced", T0, "SMTP 550 no such user"), new Suppression(bob, "sms", "unsubscribed", T0)], default);
        await _store.AddAsync([new Suppression(ann, "email", "unsubscribed", T0.AddDays(1)), new Suppression(ann, "email", "complained", T0.AddDays(2))], default);

        var email = await _store.FindAsync([ann, bob, cat], "email", default);
        Assert.Equal(new Dictionary<string, string> { [ann] = "bounced" }, email);
        Assert.Equal(new Dictionary<string, string> { [bob] = "unsubscribed" }, await _store.FindAsync([ann, bob, cat], "sms", default));
        Assert.Empty(await _store.FindAsync([], "email", default));
    }

    [Fact]
    public async Task An_entry_for_every_kind_applies_to_each_kind_the_strongest_reason_is_reported_and_entries_can_be_lifted()
    {
        var (ann, bob) = (Unique("ann"), Unique("bob"));
        await _store.AddAsync([new Suppression(ann, "email", "unsubscribed", T0), new Suppression(ann, "*", "complained", T0.AddHours(1), "spam report"),
            new Suppression(bob, "*", "unsubscribed", T0)], default);

        Assert.Equal(new Dictionary<string, string> { [ann] = "complained", [bob] = "unsubscribed" }, await _store.FindAsync([ann, bob], "email", default));
        Assert.Equal(new Dictionary<string, string> { [ann] = "complained", [bob] = "unsubscribed" }, await _store.FindAsync([ann, bob], "push", default));
        var listed = await _store.ListAsync(ann, 10, default);
        Assert.Equal([("*", "complained", "spam report"), ("email", "unsubscribed", null)], listed.Select(s => (s.ChannelKind, s.Reason, s.Detail)));
        Assert.Equal(T0.AddHours(1), listed[0].At);

        Assert.True(await _store.RemoveAsync(ann, "*", default));
        Assert.False(await _store.RemoveAsync(ann, "*", default));
        Assert.Equal(new Dictionary<string, string> { [ann] = "unsubscribed" }, await _store.FindAsync([ann], "email", default));
        Assert.Empty(await _store.FindAsync([ann], "sms", default));
    }
}

public sealed class SqliteSuppressionStoreTests(SqliteFixture fixture) : SuppressionStoreTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresSuppressionStoreTests(PostgresFixture fixture) : SuppressionStoreTests(fixture), IClassFixture<PostgresFixture>;

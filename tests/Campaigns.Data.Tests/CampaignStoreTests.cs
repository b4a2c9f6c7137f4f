using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

public abstract class CampaignStoreTests(DatabaseFixture fixture)
{
    private readonly ICampaignStore _store = fixture.Get<ICampaignStore>();

    [Fact]
    public async Task The_same_content_keeps_its_version_and_a_change_makes_the_next()
    {
        var id = Unique("camp");

        var first = await _store.SaveAsync(id, """{"name":"Spring"}""", default);
        var same = await _store.SaveAsync(id, """{"name":"Spring"}""", default);
        var changed = await _store.SaveAsync(id, """{"name":"Summer"}""", default);
        var back = await _store.SaveAsync(id, """{"name":"Spring"}""", default);

        Assert.Equal(1, first.Version);
        Assert.Equal(first, same);
        Assert.Equal(2, changed.Version);
        Assert.NotEqual(first.ContentHash, changed.ContentHash);
        Assert.Equal(3, back.Version);
        Assert.Equal(first.ContentHash, back.ContentHash);
        Assert.Equal(64, first.ContentHash.Length);
    }

    [Fact]
    public async Task Versions_read_back_as_saved()
    {
        var id = Unique("camp");
        var saved = await _store.SaveAsync(id, """{"v":1}""", default);
        await _store.SaveAsync(id, """{"v":2}""", default);

        Assert.Equal(saved, await _store.GetAsync(id, 1, default));
        Assert.Equal("""{"v":2}""", (await _store.GetLatestAsync(id, default))!.DefinitionJson);
        Assert.Null(await _store.GetAsync(id, 3, default));
        Assert.Null(await _store.GetLatestAsync(id + "-none", default));
    }

    [Fact]
    public async Task ListLatest_gives_the_newest_version_of_each_campaign_in_id_order()
    {
        var prefix = Unique("list");
        await _store.SaveAsync(prefix + "-b", "{}", default);
        await _store.SaveAsync(prefix + "-a", "{}", default);
        await _store.SaveAsync(prefix + "-a", """{"x":1}""", default);

        var mine = (await _store.ListLatestAsync(default)).Where(c => c.Id.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

        Assert.Equal([(prefix + "-a", 2), (prefix + "-b", 1)], mine.Select(c => (c.Id, c.Version)));
    }

    [Fact]
    public async Task Two_hosts_saving_at_once_never_lose_or_duplicate_a_version()
    {
        var id = Unique("race");
        await _store.SaveAsync(id, "{}", default);
        var other = fixture.CreateServices().GetRequiredService<ICampaignStore>();

        var same = await Task.WhenAll(
            Task.Run(() => _store.SaveAsync(id, """{"same":true}""", default)),
            Task.Run(() => other.SaveAsync(id, """{"same":true}""", default)));
        var different = await Task.WhenAll(
            Task.Run(() => _store.SaveAsync(id, """{"who":"one"}""", default)),
            Task.Run(() => other.SaveAsync(id, """{"who":"two"}""", default)));

        Assert.Equal(2, same[0].Version);
        Assert.Equal(2, same[1].Version);
        Assert.Equal([3, 4], different.Select(c => c.Version).Order());
        Assert.Equal(4, (await _store.GetLatestAsync(id, default))!.Version);
    }
}

public sealed class SqliteCampaignStoreTests(SqliteFixture fixture) : CampaignStoreTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresCampaignStoreTests(PostgresFixture fixture) : CampaignStoreTests(fixture), IClassFixture<PostgresFixture>;

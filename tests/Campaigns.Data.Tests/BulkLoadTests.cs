using Campaigns.Data.Access;
using Campaigns.Data.Bulk;
using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>The first large load into an empty table builds its secondary indexes after the rows, and ends like any load.</summary>
public abstract class BulkLoadTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task A_large_first_load_keeps_every_index_and_stays_idempotent()
    {
        var services = fixture.CreateServices(await fixture.NewDatabaseAsync());
        await services.MigrateCampaignsDatabaseAsync();
        var database = services.GetRequiredService<ISqlDatabase>();
        var indexesBefore = await IndexesAsync(database);
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, DeferredIndexes.MinimumRows)
            .Select(i => Event($"e{i:D6}", $"c{i % 997:D3}", $"i{i % 101:D3}", start.AddSeconds(i))).ToArray();
        var writer = services.GetRequiredService<IImportWriter>();

        Assert.Equal(events.Length, await writer.AddEventsAsync(events, default));
        Assert.Equal(0, await writer.AddEventsAsync(events, default));

        Assert.Equal(indexesBefore, await IndexesAsync(database));
        var top = await services.GetRequiredService<IInteractionReader>().CountByItemAsync(new InteractionQuery(), 1, default);
        Assert.Equal(new ItemActivity("i000", 496, 496, 496), top.Single());
    }

    private static async Task<List<string>> IndexesAsync(ISqlDatabase database)
    {
        var sql = database.Provider == DatabaseProvider.PostgreSql
            ? "SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY indexname"
            : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name";
        await using var connection = await database.OpenAsync(default);
        var names = (await connection.QueryAsync<string>(sql)).AsList();
        Assert.True(names.Count >= 3, string.Join(", ", names));
        return names;
    }
}

public sealed class SqliteBulkLoadTests(SqliteFixture fixture) : BulkLoadTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBulkLoadTests(PostgresFixture fixture) : BulkLoadTests(fixture), IClassFixture<PostgresFixture>;

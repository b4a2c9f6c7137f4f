using Campaigns.Data.Access;
using Campaigns.Data.Tests.Fixtures;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Data.Tests;

public abstract class MigrationTests(DatabaseFixture fixture)
{
    // 1: the initial schema; 2: scheduling (contact columns on deliveries, provider_pace); 3: suppressions; 4: attributions.
    // Every helper branch that adds a migration bumps this one number; ConfigurationTests reads it too.
    internal const long SchemaVersions = 6;

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        Assert.Equal(0, await fixture.Services.MigrateCampaignsDatabaseAsync());
        Assert.Equal(0, await fixture.Services.MigrateCampaignsDatabaseAsync());

        await using var connection = await fixture.Get<ISqlDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(SchemaVersions, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
        foreach (var table in new[] { "customers", "catalog_items", "events", "campaigns", "deliveries", "delivery_outcomes", "provider_pace", "suppressions", "attributions" })
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
    }

    [Fact]
    public async Task Two_hosts_migrating_a_new_database_at_once_apply_the_schema_once()
    {
        var database = await fixture.NewDatabaseAsync();
        var first = fixture.CreateServices(database);
        var second = fixture.CreateServices(database);

        var applied = await Task.WhenAll(
            Task.Run(() => first.MigrateCampaignsDatabaseAsync()),
            Task.Run(() => second.MigrateCampaignsDatabaseAsync()));

        Assert.Equal(SchemaVersions, applied.Sum());
        Assert.Contains(0, applied);
        await using var connection = await first.GetRequiredService<ISqlDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(SchemaVersions, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
    }
}

public sealed class SqliteMigrationTests(SqliteFixture fixture) : MigrationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresMigrationTests(PostgresFixture fixture) : MigrationTests(fixture), IClassFixture<PostgresFixture>;

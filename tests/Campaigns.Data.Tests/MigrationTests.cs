using Campaigns.Data.Access;
using Campaigns.Data.Tests.Fixtures;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Data.Tests;

public abstract class MigrationTests(DatabaseFixture fixture)
{
    // 1: the initial schema; 2: scheduling (contact columns on deliveries, provider_pace); 3: suppressions; 4: attributions;
    // 5: event API (properties, api_keys); 6: installation_secrets (privacy); 7: profiles; 8: triggers; 9: decisions;
    // 10: experiments (deliveries.variant, allocation_rounds); 11: models (the model registry); 13: trigger_watermarks.
    // Every helper branch that adds a migration bumps this one number; ConfigurationTests reads it too.
    internal const long SchemaVersions = 14;

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        Assert.Equal(0, await fixture.Services.MigrateCampaignsDatabaseAsync());
        Assert.Equal(0, await fixture.Services.MigrateCampaignsDatabaseAsync());

        await using var connection = await fixture.Get<ISqlDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(SchemaVersions, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
        foreach (var table in new[] { "customers", "catalog_items", "events", "campaigns", "deliveries", "delivery_outcomes", "provider_pace", "suppressions", "attributions", "profiles" })
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

    [Fact]
    public async Task A_script_numbered_below_the_newest_applied_one_is_still_applied()
    {
        // What a database migrated before a side-by-side feature landed looks like: 9 applied, 6 not.
        var services = fixture.CreateServices(await fixture.NewDatabaseAsync());
        await services.MigrateCampaignsDatabaseAsync();
        await using (var connection = await services.GetRequiredService<ISqlDatabase>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("DROP TABLE installation_secrets");
            await connection.ExecuteAsync("DELETE FROM schema_version WHERE version = 6");
        }

        Assert.Equal(1, await services.MigrateCampaignsDatabaseAsync());

        await using var check = await services.GetRequiredService<ISqlDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(0L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM installation_secrets"));
        Assert.Equal(SchemaVersions, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
    }
}

public sealed class SqliteMigrationTests(SqliteFixture fixture) : MigrationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresMigrationTests(PostgresFixture fixture) : MigrationTests(fixture), IClassFixture<PostgresFixture>;

using Campaigns.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Data.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Without_a_connection_string_SQLite_is_used_in_the_data_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaigns-config-" + Guid.NewGuid().ToString("N"));
        var database = CampaignsDatabase.FromConfiguration(Config(("Campaigns:DataFolder", folder)));

        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal(Path.Combine(folder, "campaigns.db"), database.FilePath);
        Assert.Equal($"SQLite at {Path.Combine(folder, "campaigns.db")}", database.Describe());
    }

    [Fact]
    public void The_default_data_folder_is_data_under_the_current_directory()
    {
        var database = CampaignsDatabase.FromConfiguration(Config());

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data", "campaigns.db"), database.FilePath);
    }

    [Fact]
    public void A_connection_string_selects_PostgreSQL_and_the_description_hides_the_password()
    {
        var database = CampaignsDatabase.FromConfiguration(Config(
            ("ConnectionStrings:Campaigns", "Host=db.local;Port=5433;Database=shop;Username=app;Password=secret")));

        Assert.Equal(DatabaseProvider.PostgreSql, database.Provider);
        Assert.Null(database.FilePath);
        Assert.Equal("PostgreSQL at db.local:5433/shop as app", database.Describe());
        Assert.DoesNotContain("secret", database.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registered_services_resolve_and_the_data_folder_is_created_on_migration()
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaigns-config-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var services = new ServiceCollection().AddCampaignsData(Config(("Campaigns:DataFolder", folder))).BuildServiceProvider();
            await AssertResolvesAsync(services, folder);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task AssertResolvesAsync(ServiceProvider services, string folder)
    {
        Assert.Equal(MigrationTests.SchemaVersions, await services.MigrateCampaignsDatabaseAsync());
        Assert.True(File.Exists(Path.Combine(folder, "campaigns.db")));
        Assert.NotNull(services.GetRequiredService<ICustomerReader>());
        Assert.NotNull(services.GetRequiredService<ICatalogReader>());
        Assert.NotNull(services.GetRequiredService<IInteractionReader>());
        Assert.NotNull(services.GetRequiredService<ICampaignStore>());
        Assert.NotNull(services.GetRequiredService<ILedgerStore>());
        Assert.NotNull(services.GetRequiredService<IProviderPace>());
        Assert.NotNull(services.GetRequiredService<ISuppressionStore>());
        Assert.NotNull(services.GetRequiredService<IAttributionStore>());
        Assert.NotNull(services.GetRequiredService<IImportWriter>());
        Assert.Equal(DatabaseProvider.Sqlite, services.GetRequiredService<CampaignsDatabase>().Provider);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}

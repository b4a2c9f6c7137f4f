using Microsoft.Data.Sqlite;

namespace Campaigns.Data.Tests.Fixtures;

/// <summary>SQLite databases in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteFixture : DatabaseFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaigns-data-tests", Guid.NewGuid().ToString("N"));

    /// <inheritdoc />
    public override Task<CampaignsDatabase> NewDatabaseAsync() =>
        Task.FromResult(CampaignsDatabase.SqliteFile(Path.Combine(_folder, Guid.NewGuid().ToString("N"), CampaignsDatabase.SqliteFileName)));

    /// <inheritdoc />
    protected override Task DropDatabasesAsync()
    {
        // Pooled connections keep the files open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a connection of another class in flight: the OS temp cleaner takes it later.
        }
        return Task.CompletedTask;
    }
}

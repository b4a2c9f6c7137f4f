namespace Campaigns.Data.Tests.Fixtures;

/// <summary>Fresh PostgreSQL databases on the server named by <c>CAMPAIGNS_TEST_POSTGRES</c>, dropped afterwards.</summary>
public sealed class PostgresFixture : DatabaseFixture
{
    private readonly List<PostgresDatabase> _databases = [];

    /// <inheritdoc />
    public override async Task<CampaignsDatabase> NewDatabaseAsync()
    {
        var database = await PostgresDatabase.CreateAsync();
        _databases.Add(database);
        return CampaignsDatabase.PostgreSql(database.ConnectionString);
    }

    /// <inheritdoc />
    protected override async Task DropDatabasesAsync()
    {
        foreach (var database in _databases)
            await database.DisposeAsync();
    }
}

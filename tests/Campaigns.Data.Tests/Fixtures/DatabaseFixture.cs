using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Data.Tests.Fixtures;

/// <summary>One migrated database per test class, with the data layer registered over it; subclasses pick the engine.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>The class's database.</summary>
    public CampaignsDatabase Database { get; private set; } = null!;

    /// <summary>The data layer over <see cref="Database"/>.</summary>
    public IServiceProvider Services { get; private set; } = null!;

    /// <summary>A service of <see cref="Services"/>.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A second, independent data layer (own connection pool) over a database: a second host.</summary>
    public IServiceProvider CreateServices(CampaignsDatabase? database = null)
    {
        var provider = new ServiceCollection().AddCampaignsData(database ?? Database).BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Creates another empty database of the same engine, removed when the fixture is disposed.</summary>
    public abstract Task<CampaignsDatabase> NewDatabaseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Database = await NewDatabaseAsync();
        Services = CreateServices();
        await Services.MigrateCampaignsDatabaseAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
            await provider.DisposeAsync();
        await DropDatabasesAsync();
    }

    /// <summary>Removes the databases made by <see cref="NewDatabaseAsync"/>.</summary>
    protected abstract Task DropDatabasesAsync();
}

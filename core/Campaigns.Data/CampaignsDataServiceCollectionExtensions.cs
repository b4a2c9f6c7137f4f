using Campaigns.Data;
using Campaigns.Data.Access;
using Campaigns.Data.ApiKeys;
using Campaigns.Data.Attribution;
using Campaigns.Data.Bulk;
using Campaigns.Data.Campaigns;
using Campaigns.Data.Decisions;
using Campaigns.Data.Erasure;
using Campaigns.Data.Experiments;
using Campaigns.Data.Import;
using Campaigns.Data.Ingest;
using Campaigns.Data.Ledger;
using Campaigns.Data.Migrations;
using Campaigns.Data.Models;
using Campaigns.Data.Profiles;
using Campaigns.Data.Readers;
using Campaigns.Data.Suppressions;
using Campaigns.Data.Triggers;
using Campaigns.Models;
using Campaigns.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the product's data layer.</summary>
public static class CampaignsDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores and readers over the database chosen by configuration: PostgreSQL when
    /// <c>ConnectionStrings:Campaigns</c> is set, otherwise SQLite in <c>campaigns.db</c> under <c>Campaigns:DataFolder</c>
    /// (default <c>data</c>). See <see cref="CampaignsDatabase.FromConfiguration"/>.
    /// </summary>
    public static IServiceCollection AddCampaignsData(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCampaignsData(CampaignsDatabase.FromConfiguration(configuration));

    /// <summary>
    /// Registers, as singletons, <see cref="CampaignsDatabase"/>, <see cref="ICustomerReader"/>, <see cref="ICatalogReader"/>,
    /// <see cref="IInteractionReader"/>, <see cref="ICustomerHistory"/>, <see cref="IPurchaseWindows"/>, <see cref="ICampaignStore"/>, <see cref="ILedgerStore"/>, <see cref="IProviderPace"/>, <see cref="ISuppressionStore"/>, <see cref="IAttributionStore"/>, <see cref="IDecisionLog"/>, <see cref="IAllocationStore"/>, <see cref="IModelRegistry"/>, <see cref="IImportWriter"/>, <see cref="IIngestStore"/>, <see cref="IApiKeyStore"/>, <see cref="ICustomerIdHasher"/>, <see cref="ICustomerEraser"/>, <see cref="IProfileStore"/> (also as <see cref="IProfileReader"/>), <see cref="IProfileSource"/>, <see cref="ITriggerStore"/>, <see cref="ITriggerWatermarks"/>
    /// and the migrator run by <see cref="CampaignsDataMigrationExtensions.MigrateCampaignsDatabaseAsync"/>. Adds
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered already.
    /// </summary>
    public static IServiceCollection AddCampaignsData(this IServiceCollection services, CampaignsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<PostgresConnector>();
            services.AddSingleton<ISqlDatabase>(sp => sp.GetRequiredService<PostgresConnector>());
            services.AddSingleton<IBulkWriter, PostgresBulkWriter>();
            services.AddSingleton<ILedgerClaims, PostgresLedgerClaims>();
        }
        else
        {
            services.AddSingleton<SqliteConnector>();
            services.AddSingleton<ISqlDatabase>(sp => sp.GetRequiredService<SqliteConnector>());
            services.AddSingleton<IBulkWriter, SqliteBulkWriter>();
            services.AddSingleton<ILedgerClaims, SqliteLedgerClaims>();
        }
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ICustomerReader, CustomerReader>();
        services.AddSingleton<ICatalogReader, CatalogReader>();
        services.AddSingleton<IInteractionReader, InteractionReader>();
        services.AddSingleton<ICustomerHistory, CustomerHistory>();
        services.AddSingleton<IPurchaseWindows, PurchaseWindows>();
        services.AddSingleton<ICampaignStore, CampaignStore>();
        services.AddSingleton<ILedgerStore, LedgerStore>();
        services.AddSingleton<IProviderPace, ProviderPaceStore>();
        services.AddSingleton<ISuppressionStore, SuppressionStore>();
        services.AddSingleton<IAttributionStore, AttributionStore>();
        services.AddSingleton<IDecisionLog, DecisionLogStore>();
        services.AddSingleton<IAllocationStore, AllocationStore>();
        services.AddSingleton<IModelRegistry, ModelRegistryStore>();
        services.AddSingleton<IImportWriter, ImportWriter>();
        services.AddSingleton<IIngestStore, IngestStore>();
        services.AddSingleton<IApiKeyStore, ApiKeyStore>();
        services.TryAddSingleton(Campaigns.Privacy.PrivacyOptions.Generated);
        services.AddSingleton<ICustomerIdHasher, CustomerIdHasher>();
        services.AddSingleton<ICustomerEraser, CustomerEraser>();
        services.AddSingleton<IProfileStore, ProfileStore>();
        services.AddSingleton<IProfileReader>(sp => sp.GetRequiredService<IProfileStore>());
        services.AddSingleton<IProfileSource, ProfileSource>();
        services.AddSingleton<ITriggerStore, TriggerStore>();
        services.AddSingleton<ITriggerWatermarks, TriggerWatermarkStore>();
        return services;
    }
}

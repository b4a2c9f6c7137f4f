using Campaigns.Data.Migrations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs the data layer's schema migrations.</summary>
public static class CampaignsDataMigrationExtensions
{
    /// <summary>
    /// Creates or upgrades the schema to the newest version (recorded in <c>schema_version</c>). Idempotent, and safe when
    /// several hosts start at once (PostgreSQL advisory lock; SQLite write lock). Call once at start, before serving.
    /// Returns how many schema versions were applied (0 when the schema was current).
    /// </summary>
    public static Task<int> MigrateCampaignsDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
    }
}

using Campaigns.Data.Access;
using Dapper;

namespace Campaigns.Data.Migrations;

/// <summary>Brings the schema to the newest version at start; safe to run on every start and from several hosts at once.</summary>
internal sealed class DatabaseMigrator(ISqlDatabase database, TimeProvider time)
{
    // Any constant works as long as nothing else in the database uses it: "campaigns" in ASCII.
    private const long PostgresLockKey = 0x63616D706169676E;

    /// <summary>Applies the scripts not yet recorded, in version order, all in one transaction. Returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var connection = scope.Connection;
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // A second host starting at the same time waits here, then finds the schema current. On SQLite the
            // BEGIN IMMEDIATE of the write scope already serializes migrators.
            await connection.ExecuteAsync(Command("SELECT pg_advisory_xact_lock(@key)", new { key = PostgresLockKey }, scope, cancellationToken));
        }
        await connection.ExecuteAsync(Command(
            "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)",
            null, scope, cancellationToken));
        // Every script not yet recorded, not only those above the newest: features developed side by side land with
        // numbers below one already applied (a database at 9 still needs 6), and each script touches only its own objects.
        var recorded = (await connection.QueryAsync<long>(Command("SELECT version FROM schema_version", null, scope, cancellationToken))).ToHashSet();

        var applied = 0;
        foreach (var script in MigrationScript.For(database.Provider).Where(s => !recorded.Contains(s.Version)))
        {
            await connection.ExecuteAsync(Command(script.Sql, null, scope, cancellationToken));
            await connection.ExecuteAsync(Command(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { script.Version, script.Name, At = time.GetUtcNow().ToUnixTimeMilliseconds() }, scope, cancellationToken));
            applied++;
        }
        await scope.CommitAsync(cancellationToken);
        return applied;
    }

    private static CommandDefinition Command(string sql, object? parameters, WriteScope scope, CancellationToken cancellationToken) =>
        new(sql, parameters, scope.Transaction, cancellationToken: cancellationToken);
}

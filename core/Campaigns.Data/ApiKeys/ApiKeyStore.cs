using System.Security.Cryptography;
using System.Text;
using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.ApiKeys;

/// <summary>
/// API keys in <c>api_keys</c>: 32 random bytes shown once as <c>cmp_&lt;base64url&gt;</c>, stored as their SHA-256 hex.
/// A plain hash is enough (no salt, no slow KDF): the key is random, not a password a person chose.
/// </summary>
internal sealed class ApiKeyStore(ISqlDatabase database, TimeProvider time) : IApiKeyStore
{
    private const string Prefix = "cmp_";

    public async Task<string?> CreateAsync(string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var created = await scope.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO api_keys (name, key_hash, scopes, created_at) VALUES (@name, @hash, @scopes, @at)
            ON CONFLICT (name) DO NOTHING
            """, new { name, hash = Hash(key), scopes = string.Join(' ', scopes), at = UnixMs.From(time.GetUtcNow()) },
            scope.Transaction, cancellationToken: cancellationToken));
        await scope.CommitAsync(cancellationToken);
        return created == 1 ? key : null;
    }

    public async Task<ApiKey?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Row.Select + " WHERE key_hash = @hash AND revoked_at IS NULL", new { hash = Hash(key) }, cancellationToken: cancellationToken));
        return row?.ToKey();
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Row.Select + " ORDER BY name", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToKey())];
    }

    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var revoked = await scope.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @at WHERE name = @name AND revoked_at IS NULL",
            new { name, at = UnixMs.From(time.GetUtcNow()) }, scope.Transaction, cancellationToken: cancellationToken));
        await scope.CommitAsync(cancellationToken);
        return revoked == 1;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class Row
    {
        public const string Select = "SELECT name AS Name, scopes AS Scopes, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys";

        public string Name { get; set; } = "";
        public string Scopes { get; set; } = "";
        public long CreatedAt { get; set; }
        public long? RevokedAt { get; set; }

        public ApiKey ToKey() => new(Name, Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), UnixMs.ToTime(CreatedAt),
            RevokedAt is { } revoked ? UnixMs.ToTime(revoked) : null);
    }
}

using System.Security.Cryptography;
using System.Text;
using Campaigns.Data.Access;
using Campaigns.Privacy;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Erasure;

/// <summary>
/// HMAC-SHA256 of customer ids with the installation's secret: the configured one, else one generated on first use
/// and stored in <c>installation_secrets</c> (the first host to store it wins; the others read it back).
/// </summary>
internal sealed class CustomerIdHasher(ISqlDatabase database, PrivacyOptions options, TimeProvider time) : ICustomerIdHasher
{
    private const string SecretName = "customer-id-hmac";
    private byte[]? _key;

    public async ValueTask<IReadOnlyList<string>> HashAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        var hashed = new string[customerIds.Count];
        for (var i = 0; i < hashed.Length; i++)
            hashed[i] = SuppressionReasons.ErasedIdPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(customerIds[i])));
        return hashed;
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        if (options.Secret is { Count: > 0 } configured) return _key = [.. configured];
        // Callers racing here all insert-if-absent and read back the one stored value: no lock needed, same key for all.
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO installation_secrets (name, value, created_at) VALUES (@name, @value, @at) ON CONFLICT (name) DO NOTHING",
            new { name = SecretName, value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), at = UnixMs.From(time.GetUtcNow()) },
            write.Transaction, cancellationToken: cancellationToken));
        var stored = await write.Connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT value FROM installation_secrets WHERE name = @name", new { name = SecretName }, write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
        return _key = Convert.FromBase64String(stored!);
    }
}

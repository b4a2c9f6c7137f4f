using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Triggers;

/// <summary>The <c>trigger_watermarks</c> table, and key look-ups in <c>deliveries</c>, on either database.</summary>
internal sealed class TriggerWatermarkStore(ISqlDatabase database, TimeProvider time) : ITriggerWatermarks
{
    // One statement on both databases: the conflict branch keeps the larger mark, so hosts racing never move it back.
    private const string Advance = """
        INSERT INTO trigger_watermarks (campaign_id, accepted_through, updated_at) VALUES (@campaignId, @at, @now)
        ON CONFLICT (campaign_id) DO UPDATE SET
            accepted_through = CASE WHEN excluded.accepted_through > trigger_watermarks.accepted_through
                THEN excluded.accepted_through ELSE trigger_watermarks.accepted_through END,
            updated_at = excluded.updated_at
        """;

    public async Task<DateTimeOffset?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var at = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT accepted_through FROM trigger_watermarks WHERE campaign_id = @campaignId", new { campaignId }, cancellationToken: cancellationToken));
        return at is { } ms ? UnixMs.ToTime(ms) : null;
    }

    public async Task AdvanceAsync(string campaignId, DateTimeOffset acceptedThrough, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(Advance,
            new { campaignId, at = UnixMs.From(acceptedThrough), now = UnixMs.From(time.GetUtcNow()) }, write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.QueryAsync<string>(new CommandDefinition($"SELECT key FROM deliveries WHERE {database.InList("key", "@keys")}",
            new { keys = keys.Distinct(StringComparer.Ordinal).ToArray() }, cancellationToken: cancellationToken));
        return found.ToHashSet(StringComparer.Ordinal);
    }
}

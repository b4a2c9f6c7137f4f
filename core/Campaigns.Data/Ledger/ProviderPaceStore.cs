using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Ledger;

/// <summary>
/// One <c>provider_pace</c> row per provider: <c>next_at</c> is the first free permit, <c>paused_until</c> the end of
/// a Retry-After. Each reservation is one upsert, atomic on both databases (PostgreSQL locks the row for the statement;
/// SQLite runs it in the single write transaction), so concurrent hosts get disjoint permits.
/// </summary>
internal sealed class ProviderPaceStore(ISqlDatabase database) : IProviderPace
{
    public async Task<DateTimeOffset> ReserveAsync(string provider, int count, TimeSpan spacing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var greatest = database.Provider == DatabaseProvider.PostgreSql ? "GREATEST" : "MAX";
        // Microseconds, not milliseconds: at 5,000 messages a second a permit is 200 µs apart.
        var total = (long)Math.Ceiling(spacing.TotalMicroseconds * count);
        var sql = $"""
            INSERT INTO provider_pace (provider, next_at, paused_until) VALUES (@provider, @now + @total, 0)
            ON CONFLICT (provider) DO UPDATE SET next_at = {greatest}(provider_pace.next_at, provider_pace.paused_until, @now) + @total
            RETURNING next_at - @total
            """;
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var first = await write.Connection.ExecuteScalarAsync<long>(new CommandDefinition(sql,
            new { provider, now = Micros(now), total }, write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
        return DateTimeOffset.UnixEpoch.AddTicks(first * 10);
    }

    public async Task PauseAsync(string provider, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var greatest = database.Provider == DatabaseProvider.PostgreSql ? "GREATEST" : "MAX";
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO provider_pace (provider, next_at, paused_until) VALUES (@provider, 0, @until)
            ON CONFLICT (provider) DO UPDATE SET paused_until = {greatest}(provider_pace.paused_until, @until)
            """, new { provider, until = Micros(until) }, write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
    }

    private static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}

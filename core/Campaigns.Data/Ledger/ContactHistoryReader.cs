using Campaigns.Data.Access;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Ledger;

/// <summary>Reads the customers' messages per local day on one channel kind, under that kind's cap lock.</summary>
internal static class ContactHistoryReader
{
    public static async Task<ContactHistory> ReadAsync(ISqlDatabase database, WriteScope write, ContactScope scope, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // One lock per channel kind, held to the end of the transaction: every host and campaign placing on this kind
            // reads the history and inserts its rows in turn, so two of them never both take a customer's last slot.
            // (A lock per customer would cost thousands of lock-table entries per batch and save nothing: a batch of
            // 2,000 customers touches every bucket anyway.) SQLite's BEGIN IMMEDIATE already admits one writer at a time.
            await write.Connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)",
                new { key = LockKey(scope.ChannelKind) }, write.Transaction, cancellationToken: cancellationToken));
        }
        var history = new ContactHistory();
        if (scope.CustomerIds.Count == 0) return history;
        var rows = await write.Connection.QueryAsync<(string Customer, int Day, long Count)>(new CommandDefinition(
            $"""
            SELECT customer_id, local_day, COUNT(*) FROM deliveries
            WHERE {database.InList("customer_id", "@ids")} AND channel_kind = @kind AND local_day BETWEEN @from AND @to
              AND state IN ('planned', 'sending', 'sent'){(scope.Own is null ? "" : " AND NOT (campaign_id = @campaign AND occurrence = @occurrence)")}
            GROUP BY customer_id, local_day
            """,
            Parameters(scope),
            write.Transaction, cancellationToken: cancellationToken));
        foreach (var (customer, day, count) in rows) history.Add(customer, day, (int)count);
        return history;
    }

    private static DynamicParameters Parameters(ContactScope scope)
    {
        var parameters = new DynamicParameters(new { ids = scope.CustomerIds.ToArray(), kind = scope.ChannelKind, from = scope.FromDay, to = scope.ToDay });
        // Only the parameters the statement names: a NULL of unknown type is ambiguous to PostgreSQL.
        if (scope.Own is { } own)
        {
            parameters.Add("campaign", own.CampaignId);
            parameters.Add("occurrence", own.Occurrence);
        }
        return parameters;
    }

    /// <summary>A stable 64-bit key per channel kind (FNV-1a), distinct from the migrator's lock.</summary>
    private static long LockKey(string kind)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "campaigns-cap:" + kind)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}

using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Ledger;

/// <summary>The SQL both dialects share for claiming and completing deliveries.</summary>
internal static class LedgerSql
{
    /// <summary>
    /// Claims due rows: first those whose lease expired (claimed by a dispatcher that died; due longest), then planned rows
    /// in send order. Two branches rather than one OR, so each walks the (state, send_at) index and stops at the limit
    /// instead of sorting every due row (1.4 s against 20 ms for 1M due rows). PostgreSQL adds <c>FOR UPDATE SKIP
    /// LOCKED</c> so concurrent dispatchers pass over each other's rows instead of waiting; SQLite runs it inside BEGIN
    /// IMMEDIATE, where there is one writer anyway.
    /// </summary>
    public static string Claim(ClaimRequest request, bool skipLocked)
    {
        var scope = request.CampaignId is null ? "" : " AND campaign_id = @campaignId" + (request.Occurrence is null ? "" : " AND occurrence = @occurrence");
        var lockRows = skipLocked ? " FOR UPDATE SKIP LOCKED" : "";
        return $"""
            UPDATE deliveries
            SET state = 'sending', claimed_by = @worker, lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
            WHERE key IN (
                SELECT key FROM (
                    SELECT key FROM deliveries WHERE state = 'sending' AND lease_until < @now{scope}
                    ORDER BY send_at LIMIT @max{lockRows}) AS expired
                UNION ALL
                SELECT key FROM (
                    SELECT key FROM deliveries WHERE state = 'planned' AND send_at <= @now{scope}
                    ORDER BY send_at LIMIT @max{lockRows}) AS planned
                LIMIT @max)
            RETURNING {DeliveryRow.Columns}
            """;
    }

    /// <summary>The parameters of <see cref="Claim"/>.</summary>
    public static DynamicParameters ClaimParameters(ClaimRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Max, 1);
        ArgumentException.ThrowIfNullOrEmpty(request.Worker);
        var now = request.Now.ToUnixTimeMilliseconds();
        var parameters = new DynamicParameters();
        parameters.Add("now", now);
        parameters.Add("leaseUntil", now + (long)request.Lease.TotalMilliseconds);
        parameters.Add("worker", request.Worker);
        parameters.Add("max", request.Max);
        // Only the parameters the statement names: a NULL of unknown type is ambiguous to PostgreSQL.
        if (request.CampaignId is not null)
        {
            parameters.Add("campaignId", request.CampaignId);
            if (request.Occurrence is not null)
                parameters.Add("occurrence", request.Occurrence);
        }
        return parameters;
    }

    /// <summary>
    /// The new column values of a completion, from the row alias <paramref name="row"/> and the completion's state, detail,
    /// time and retry time expressions: sent keeps the provider id and sent_at; failed and suppressed keep the reason; a
    /// retry goes back to planned at the retry time with the claim cleared.
    /// </summary>
    public static string CompletionSet(string row, string state, string detail, string at, string retryAt) => $"""
        state = {state},
        updated_at = {at},
        lease_until = NULL,
        detail = {detail},
        sent_at = CASE WHEN {state} = 'sent' THEN {at} ELSE {row}sent_at END,
        provider_id = CASE WHEN {state} = 'sent' THEN {detail} ELSE {row}provider_id END,
        reason = CASE WHEN {state} = 'sent' THEN {row}reason ELSE {detail} END,
        send_at = CASE WHEN {state} = 'planned' THEN COALESCE({retryAt}, {at}) ELSE {row}send_at END,
        claimed_by = CASE WHEN {state} = 'planned' THEN NULL ELSE {row}claimed_by END
        """;

    /// <summary>Checks a completion: a claimed row can only move to sent, failed, suppressed or back to planned.</summary>
    public static string StateOf(LedgerCompletion completion) => completion.State == DeliveryState.Sending
        ? throw new ArgumentException($"Completion of '{completion.Key}' cannot set state Sending.", nameof(completion))
        : DeliveryStateText.Of(completion.State);
}

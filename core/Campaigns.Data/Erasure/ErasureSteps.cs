namespace Campaigns.Data.Erasure;

/// <summary>
/// THE list of what erasing a customer does, table by table, in order (docs/consent.md). A new table that holds a
/// customer id or personal data gets one line here; the erasure test scans every text column of every table, so a
/// table forgotten here fails it. Steps run in one transaction: all happen or none.
/// </summary>
internal static class ErasureSteps
{
    // A ledger key is campaign:occurrence:customer:step (LedgerEntry.KeyOf); kept rows get the same key with the hashed id.
    private static string HashedKey(string deliveries) =>
        $"{deliveries}.campaign_id || ':' || {deliveries}.occurrence || ':' || @hash || ':' || {deliveries}.step";

    /// <summary>
    /// The new key of a row of <paramref name="table"/> that refers to a ledger key: the ledger row's rebuilt key, or
    /// (no ledger row) the id swapped in place.
    /// </summary>
    public static string RekeyOf(string table) =>
        $"COALESCE((SELECT {HashedKey("d")} FROM deliveries d WHERE d.key = {table}.delivery_key), REPLACE({table}.delivery_key, ':' || @id || ':', ':' || @hash || ':'))";

    public static IReadOnlyList<ErasureStep> All { get; } =
    [
        ErasureStep.Sql("customers", "deleted", "DELETE FROM customers WHERE id = @id"),
        ErasureStep.Sql("events", "deleted", "DELETE FROM events WHERE customer_id = @id"),
        ErasureStep.Sql("profiles", "deleted", "DELETE FROM profiles WHERE customer_id = @id"),
        ModelSteps.WithdrawTrainedOn,
        // Rows that point at the customer's ledger keys go first: the deliveries step below rewrites the keys they join on.
        ErasureStep.Sql("delivery_outcomes", "provider detail removed, key hashed", $"""
            UPDATE delivery_outcomes SET detail = NULL, delivery_key = {RekeyOf("delivery_outcomes")}
            WHERE delivery_key IN (SELECT key FROM deliveries WHERE customer_id = @id)
            """),
        AttributionSteps.HashPurchases,
        ErasureStep.Sql("decisions", "features removed, id hashed", $"""
            UPDATE decisions SET customer_id = @hash, features = NULL, delivery_key = {RekeyOf("decisions")} WHERE customer_id = @id
            """),
        // A customer erased, imported again and planned for the same occurrence has a row whose hashed key exists already:
        // the earlier row keeps counting the message, the new one (a suppressed row) goes.
        ErasureStep.Sql("deliveries", "deleted (already kept under the hashed id)", $"""
            DELETE FROM deliveries WHERE customer_id = @id AND EXISTS (SELECT 1 FROM deliveries k WHERE k.key = {HashedKey("deliveries")})
            """),
        // Kept for counts (sent, failed, caps, attribution) without address, subject, body or provider detail; a message not
        // sent yet never will be.
        ErasureStep.Sql("deliveries", "address, subject, body, detail removed, id hashed", $"""
            UPDATE deliveries SET key = {HashedKey("deliveries")}, customer_id = @hash,
                address = NULL, subject = NULL, body = NULL, detail = NULL, provider_id = NULL, claimed_by = NULL, lease_until = NULL,
                reason = CASE WHEN state IN ('planned', 'sending') THEN 'suppressed:erased'
                              WHEN reason LIKE 'render-error%' THEN 'render-error' ELSE reason END,
                state = CASE WHEN state IN ('planned', 'sending') THEN 'suppressed' ELSE state END,
                updated_at = @now
            WHERE customer_id = @id
            """),
        ErasureStep.Sql("suppressions", "deleted", "DELETE FROM suppressions WHERE customer_id = @id"),
        // The one thing that stays: the hashed id on the list for every kind, so the id, imported again, is never sent to.
        ErasureStep.Sql("suppressions", "hashed 'erased' entry for every kind", """
            INSERT INTO suppressions (customer_id, channel_kind, reason, detail, created_at) VALUES (@hash, '*', 'erased', NULL, @now)
            ON CONFLICT (customer_id, channel_kind) DO NOTHING
            """) with { FindsData = false },
    ];
}

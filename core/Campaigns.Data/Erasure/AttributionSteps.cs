namespace Campaigns.Data.Erasure;

/// <summary>
/// Attributions keep the revenue a message earned; the purchase's event id (the shop's, which may embed the customer)
/// is hashed with the same key as customer ids, so it stays unique without being readable.
/// </summary>
internal static class AttributionSteps
{
    public static ErasureStep HashPurchases { get; } = new("attributions", "ids hashed", async context =>
    {
        var purchases = await context.QueryAsync<string>("SELECT purchase_event_id FROM attributions WHERE customer_id = @id");
        if (purchases.Count == 0) return 0;
        var hashed = await context.Hasher.HashAsync(purchases, context.CancellationToken);
        var rows = 0;
        for (var i = 0; i < purchases.Count; i++)
        {
            rows += await context.ExecuteAsync($"""
                UPDATE attributions SET purchase_event_id = @purchase, customer_id = @hash, delivery_key = {ErasureSteps.RekeyOf("attributions")}
                WHERE purchase_event_id = @old
                """, new Dictionary<string, object?> { ["purchase"] = hashed[i], ["old"] = purchases[i] });
        }
        return rows;
    });
}

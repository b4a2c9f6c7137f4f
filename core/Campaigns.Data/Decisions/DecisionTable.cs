using Campaigns.Data.Bulk;

namespace Campaigns.Data.Decisions;

/// <summary>
/// The <c>decisions</c> table as the bulk writer fills it: PostgreSQL by binary COPY into a staging table and one
/// INSERT ... ON CONFLICT, SQLite by one prepared statement in one transaction. A planning batch appends two or three
/// decisions per customer; this is the cheapest way in (the ledger writes the same way). <c>id</c> is left to the
/// database, which assigns it in write order, so the log still reads oldest first.
/// </summary>
internal static class DecisionTable
{
    public static readonly TableSpec<DecisionRow> Spec = new("decisions",
    [
        Column.Text<DecisionRow>("delivery_key", r => r.DeliveryKey),
        Column.Text<DecisionRow>("campaign_id", r => r.CampaignId),
        Column.Int<DecisionRow>("campaign_version", r => r.CampaignVersion),
        Column.Text<DecisionRow>("occurrence", r => r.Occurrence),
        Column.Text<DecisionRow>("customer_id", r => r.CustomerId),
        Column.Text<DecisionRow>("kind", r => r.Kind),
        Column.Text<DecisionRow>("policy", r => r.Policy),
        Column.Text<DecisionRow>("policy_version", r => r.PolicyVersion),
        Column.Text<DecisionRow>("model_version", r => r.ModelVersion),
        Column.Text<DecisionRow>("chosen", r => r.Chosen),
        Column.Double<DecisionRow>("probability", r => r.Probability),
        Column.Text<DecisionRow>("candidates", r => r.Candidates),
        Column.Text<DecisionRow>("features", r => r.Features),
        Column.Long<DecisionRow>("decided_at", r => r.DecidedAt),
    ])
    {
        // Re-planning keeps the first decision per message and kind.
        ConflictTarget = "delivery_key, kind",
    };
}

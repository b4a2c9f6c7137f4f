namespace Campaigns.Data.Decisions;

/// <summary>Decision rows turned into one array per column, the parameters of a PostgreSQL <c>unnest</c> insert.</summary>
internal sealed record DecisionColumns(
    string[] DeliveryKey, string[] CampaignId, int[] CampaignVersion, string[] Occurrence, string[] CustomerId, string[] Kind, string[] Policy,
    string[] PolicyVersion, string?[] ModelVersion, string[] Chosen, double[] Probability, string?[] Candidates, string?[] Features, long[] DecidedAt)
{
    public static DecisionColumns Of(IReadOnlyList<DecisionRow> rows) => new(
        [.. rows.Select(r => r.DeliveryKey)], [.. rows.Select(r => r.CampaignId)], [.. rows.Select(r => r.CampaignVersion)],
        [.. rows.Select(r => r.Occurrence)], [.. rows.Select(r => r.CustomerId)], [.. rows.Select(r => r.Kind)], [.. rows.Select(r => r.Policy)],
        [.. rows.Select(r => r.PolicyVersion)], [.. rows.Select(r => r.ModelVersion)], [.. rows.Select(r => r.Chosen)],
        [.. rows.Select(r => r.Probability)], [.. rows.Select(r => r.Candidates)], [.. rows.Select(r => r.Features)], [.. rows.Select(r => r.DecidedAt)]);
}

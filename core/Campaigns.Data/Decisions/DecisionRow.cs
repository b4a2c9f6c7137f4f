using System.Text.Json;
using Campaigns.Data.Access;
using Campaigns.Storage;

namespace Campaigns.Data.Decisions;

/// <summary>A decisions row as Dapper reads and writes it; the two maps are JSON text.</summary>
internal sealed record DecisionRow
{
    public const string Columns = "id AS Id, delivery_key AS DeliveryKey, campaign_id AS CampaignId, campaign_version AS CampaignVersion, " +
        "occurrence AS Occurrence, customer_id AS CustomerId, kind AS Kind, policy AS Policy, policy_version AS PolicyVersion, " +
        "model_version AS ModelVersion, chosen AS Chosen, probability AS Probability, candidates AS Candidates, features AS Features, decided_at AS DecidedAt";

    public long Id { get; init; }
    public required string DeliveryKey { get; init; }
    public required string CampaignId { get; init; }
    public int CampaignVersion { get; init; }
    public required string Occurrence { get; init; }
    public required string CustomerId { get; init; }
    public required string Kind { get; init; }
    public required string Policy { get; init; }
    public required string PolicyVersion { get; init; }
    public string? ModelVersion { get; init; }
    public required string Chosen { get; init; }
    public double Probability { get; init; }
    public string? Candidates { get; init; }
    public string? Features { get; init; }
    public long DecidedAt { get; init; }

    public static DecisionRow From(LoggedDecision d) => new()
    {
        DeliveryKey = d.DeliveryKey, CampaignId = d.CampaignId, CampaignVersion = d.CampaignVersion, Occurrence = d.Occurrence,
        CustomerId = d.CustomerId, Kind = d.Kind, Policy = d.Policy, PolicyVersion = d.PolicyVersion, ModelVersion = d.ModelVersion,
        Chosen = d.Chosen, Probability = d.Probability, DecidedAt = UnixMs.From(d.At),
        Candidates = d.Candidates is null ? null : JsonSerializer.Serialize(d.Candidates),
        Features = d.Features is null ? null : JsonSerializer.Serialize(d.Features),
    };

    public LoggedDecision ToDecision() =>
        new(DeliveryKey, CampaignId, CampaignVersion, Occurrence, CustomerId, Kind, Policy, PolicyVersion, Chosen, Probability, UnixMs.ToTime(DecidedAt))
        {
            ModelVersion = ModelVersion,
            Candidates = Candidates is null ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(Candidates),
            Features = Features is null ? null : JsonColumn.ReadText(Features),
        };
}

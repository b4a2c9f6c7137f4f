using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Scheduling;
using Campaigns.Stages;

namespace Campaigns.Planning;

/// <summary>
/// What the ledger keeps of a send-time decision: the strategy, its reason, score and (for exploring strategies) the
/// probability of the chosen slot, its best alternatives, and how the scheduler placed the message. Enough for audits
/// and off-policy evaluation, and no personal data beyond the row's own.
/// </summary>
internal sealed record DecisionRecord(
    string Strategy,
    string Reason,
    double? Score,
    double? Probability,
    IReadOnlyList<SlotRecord> Alternatives,
    int Choice,
    string? Placed)
{
    /// <summary>The model registry version the strategy used (e.g. <c>bayes-hour-of-week v2</c>); null when it fitted its own. The decision log's <c>ModelVersion</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Alternatives kept per row: enough to see what else was close without bloating a million rows.</summary>
    public const int KeptAlternatives = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(string strategy, SendTimeDecision decision, Placement placement, string? model = null) => JsonSerializer.Serialize(
        new DecisionRecord(strategy, decision.Reason, decision.Score, decision.Probability,
            [.. decision.Alternatives.Take(KeptAlternatives).Select(a => new SlotRecord(a.Start.ToUniversalTime(), a.Score))],
            placement.Choice, placement.Code) { Model = model }, Json);

    public static DecisionRecord? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<DecisionRecord>(json, Json);
}

/// <summary>One alternative slot and its score.</summary>
internal sealed record SlotRecord(DateTimeOffset At, double Score);

namespace Campaigns.Models;

/// <summary>The states of a model version; exactly one version per stage and options is <see cref="Live"/> at a time.</summary>
public static class ModelStatus
{
    /// <summary>Campaigns using the stage with these options plan with this version.</summary>
    public const string Live = "live";

    /// <summary>Trained and measured, not decided yet (a round in progress, or one that died before deciding).</summary>
    public const string Candidate = "candidate";

    /// <summary>Scored below the live version on the same hold-out (or lost a race to another host); kept, not deployed.</summary>
    public const string Rejected = "rejected";

    /// <summary>Was live; replaced by a better version or by a rollback.</summary>
    public const string Retired = "retired";
}

/// <summary>One version of a model in the registry, without its artefact.</summary>
/// <param name="Id">The registry id.</param>
/// <param name="StageKey">The stage that trained it and can load it.</param>
/// <param name="OptionsHash">The hash of the stage's bound options (<see cref="OptionsHash"/>): a model is for a stage and its options.</param>
/// <param name="Options">The bound options as JSON, for people.</param>
/// <param name="Version">1, 2, 3 … per stage and options hash.</param>
/// <param name="Status">A <see cref="ModelStatus"/> value.</param>
/// <param name="DataFrom">Inclusive start of the training data window.</param>
/// <param name="DataUntil">Exclusive end of the training data window.</param>
/// <param name="GateMetric">The metric the gate compares, e.g. <c>ndcg@10</c>.</param>
/// <param name="Metrics">Offline metrics the host measured (the gate metric among them; <c>live.</c> entries are the live version's on the same hold-out).</param>
/// <param name="Stats">What the stage reported about its model; informative only.</param>
/// <param name="Format">The artefact format, e.g. <c>item-knn/1</c>.</param>
/// <param name="Sha256">SHA-256 of the artefact, hex.</param>
/// <param name="Size">Artefact bytes.</param>
/// <param name="CreatedAt">When it was trained.</param>
/// <param name="Reason">Why it has its status, with both figures when the gate decided.</param>
public sealed record StoredModel(
    long Id,
    string StageKey,
    string OptionsHash,
    string Options,
    int Version,
    string Status,
    DateTimeOffset DataFrom,
    DateTimeOffset DataUntil,
    string GateMetric,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> Stats,
    string Format,
    string Sha256,
    long Size,
    DateTimeOffset CreatedAt,
    string? Reason)
{
    /// <summary>The gate metric's value.</summary>
    public double Score => Metrics.GetValueOrDefault(GateMetric);

    /// <summary>How the planner and the decision log name it: <c>item-knn v3</c>.</summary>
    public string Label => $"{StageKey} v{Version}";
}

/// <summary>A trained, measured model to add as the next version.</summary>
public sealed record ModelCandidate(
    string StageKey,
    string OptionsHash,
    string Options,
    DateTimeOffset DataFrom,
    DateTimeOffset DataUntil,
    string GateMetric,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> Stats,
    string Format,
    byte[] Artefact);

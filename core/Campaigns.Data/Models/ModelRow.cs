using System.Text.Json;
using Campaigns.Data.Access;
using Campaigns.Models;

namespace Campaigns.Data.Models;

/// <summary>A models row as Dapper reads it (without the artefact); metrics and stats are JSON text.</summary>
internal sealed record ModelRow
{
    public const string Columns = "id AS Id, stage_key AS StageKey, options_hash AS OptionsHash, options AS Options, version AS Version, " +
        "status AS Status, data_from AS DataFrom, data_until AS DataUntil, gate_metric AS GateMetric, metrics AS Metrics, stats AS Stats, " +
        "format AS Format, sha256 AS Sha256, size AS Size, created_at AS CreatedAt, reason AS Reason";

    public long Id { get; init; }
    public required string StageKey { get; init; }
    public required string OptionsHash { get; init; }
    public required string Options { get; init; }
    public int Version { get; init; }
    public required string Status { get; init; }
    public long DataFrom { get; init; }
    public long DataUntil { get; init; }
    public required string GateMetric { get; init; }
    public required string Metrics { get; init; }
    public required string Stats { get; init; }
    public required string Format { get; init; }
    public required string Sha256 { get; init; }
    public long Size { get; init; }
    public long CreatedAt { get; init; }
    public string? Reason { get; init; }

    public StoredModel ToModel() => new(Id, StageKey, OptionsHash, Options, Version, Status, UnixMs.ToTime(DataFrom), UnixMs.ToTime(DataUntil),
        GateMetric, Map(Metrics), Map(Stats), Format, Sha256, Size, UnixMs.ToTime(CreatedAt), Reason);

    public static string Json(IReadOnlyDictionary<string, double> values) => JsonSerializer.Serialize(values);

    private static Dictionary<string, double> Map(string json) => JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
}

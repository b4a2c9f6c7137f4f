using System.Globalization;
using System.Text.Json;
using Campaigns.Models;
using Cronos;

namespace Campaigns.Host.Jobs;

/// <summary>One configured retraining: a stage, its options, when, and over how much data.</summary>
/// <param name="Index">Its position under <c>Campaigns:Retraining:Stages</c>: the job's only argument.</param>
/// <param name="Stage">The stage key.</param>
/// <param name="Options">The options as campaign definitions write them; null for the defaults.</param>
/// <param name="Cron">When the round runs (UTC).</param>
/// <param name="Settings">The data window and hold-out.</param>
internal sealed record RetrainingStage(int Index, string Stage, JsonElement? Options, string Cron, RetrainingSettings Settings)
{
    /// <summary>The recurring job's id, e.g. <c>retrain-0-item-knn</c>.</summary>
    public string JobId => $"retrain-{Index}-{Stage}";
}

/// <summary>
/// <c>Campaigns:Retraining:Stages:&lt;n&gt;:{Stage, Options, Cron, WindowDays, HoldoutDays}</c>: Options is the options
/// object as JSON text (a campaign using the stage must have the same options to get the model), Cron defaults to
/// daily at 03:00 UTC, WindowDays to 365 and HoldoutDays to 30.
/// </summary>
internal sealed class RetrainingSchedule(IReadOnlyList<RetrainingStage> stages)
{
    public IReadOnlyList<RetrainingStage> Stages { get; } = stages;

    /// <summary>Reads the section; a bad entry stops the host with a message naming it, before anything is scheduled.</summary>
    public static RetrainingSchedule From(IConfiguration configuration)
    {
        var stages = new List<RetrainingStage>();
        foreach (var entry in configuration.GetSection("Campaigns:Retraining:Stages").GetChildren())
        {
            var at = $"Campaigns:Retraining:Stages:{entry.Key}";
            if (!int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) throw new InvalidOperationException($"{at}: entries must be numbered 0, 1, 2 …");
            var stage = entry["Stage"] is { Length: > 0 } s ? s : throw new InvalidOperationException($"{at}:Stage is required (a recommender, send-time or audience stage key)");
            var cron = entry["Cron"] ?? "0 3 * * *";
            try
            {
                CronExpression.Parse(cron);
            }
            catch (CronFormatException ex)
            {
                throw new InvalidOperationException($"{at}:Cron '{cron}' is not a cron expression: {ex.Message}", ex);
            }
            var settings = new RetrainingSettings(entry.GetValue("WindowDays", 365), entry.GetValue("HoldoutDays", 30));
            if (settings.Problem() is { } problem) throw new InvalidOperationException($"{at}: {problem}");
            stages.Add(new RetrainingStage(index, stage, ParseOptions(entry["Options"], at), cron, settings));
        }
        return new RetrainingSchedule(stages);
    }

    private static JsonElement? ParseOptions(string? json, string at)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone()
                : throw new InvalidOperationException($"{at}:Options must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{at}:Options is not valid JSON: {ex.Message}", ex);
        }
    }
}

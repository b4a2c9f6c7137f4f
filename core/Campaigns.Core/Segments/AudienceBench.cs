using System.Diagnostics;
using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Evaluation;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Segments;

/// <summary>How long one audience took over a file's events.</summary>
/// <param name="Key">The audience's key.</param>
/// <param name="Customers">Customers it selected.</param>
/// <param name="PrepareSeconds">Wall time of <c>PrepareAsync</c> (reading, training, scoring).</param>
/// <param name="SelectSeconds">Wall time of streaming the audience.</param>
/// <param name="CpuSeconds">Processor time of both: on a shared machine the wall clock also counts other people's work.</param>
public sealed record AudienceBenchResult(string Key, long Customers, double PrepareSeconds, double SelectSeconds, double CpuSeconds);

/// <summary>
/// Runs an audience stage over an interactions file held in memory (the readers <c>evaluate</c> uses, the clock at
/// the file's last event), for <c>bench segments</c>: what a machine-learned segment costs next to a plain one.
/// </summary>
public sealed class AudienceBench(StageRegistry registry, ILoggerFactory loggers, string dataFolder)
{
    /// <summary>Prepares audience <paramref name="key"/> with <paramref name="options"/> and streams it all.</summary>
    /// <exception cref="EvaluationException">The key is unknown or its options are invalid.</exception>
    public async Task<AudienceBenchResult> RunAsync(InteractionSet data, string key, JsonElement? options, CancellationToken cancellationToken)
    {
        if (!registry.TryGet(StageKind.Audience, key, out var registration)) throw new EvaluationException($"{key}: no audience stage has this key");
        var errors = new List<DefinitionError>();
        var bound = StageOptionsBinder.Bind(registration.OptionsType, options, key, errors) ?? throw new EvaluationException(string.Join(Environment.NewLine, errors));
        var store = new TrainingData(data.Events, data.Items);
        var context = store.Context(loggers.CreateLogger($"Campaigns.Bench.{key}"), new CampaignRunInfo("bench-segments", 0, "bench"), dataFolder);
        var audience = (IAudienceStage)registration.Create(context, bound);
        var (started, cpu) = (Stopwatch.GetTimestamp(), Cpu());
        await audience.PrepareAsync(cancellationToken);
        var prepare = Stopwatch.GetElapsedTime(started).TotalSeconds;
        started = Stopwatch.GetTimestamp();
        long customers = 0;
        await foreach (var batch in audience.SelectAsync(new AudienceRequest(1_000), cancellationToken)) customers += batch.Count;
        return new AudienceBenchResult(key, customers, prepare, Stopwatch.GetElapsedTime(started).TotalSeconds, Cpu() - cpu);
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}

using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Evaluation.Timing;

/// <summary>
/// Evaluates send-time stages offline: each is the registered stage campaigns use, built over in-memory readers of
/// the training moments (customers with their time zones) and a clock stopped at the split, then asked, for every
/// evaluated customer and every local day with test activity, to choose a time within that day. The local hour of
/// its choice is the prediction for each of that day's moments. Two baselines are scored the same way.
/// </summary>
/// <param name="registry">Where the stage keys are looked up.</param>
/// <param name="loggers">Loggers handed to the stages.</param>
/// <param name="dataFolder">A folder stages may write to; created if missing.</param>
public sealed class TimingEvaluator(StageRegistry registry, ILoggerFactory loggers, string dataFolder)
{
    private static readonly CampaignRunInfo Run = new("evaluate-timing", 0, "evaluate-timing");

    /// <summary>The baselines, then each strategy in order.</summary>
    /// <exception cref="EvaluationException">A key is unknown, options are invalid, or no customer can be evaluated.</exception>
    public async Task<IReadOnlyList<TimingResult>> RunAsync(TimingData data, DateTimeOffset splitAt, int minHistory,
        IReadOnlyList<AlgorithmChoice> strategies, CancellationToken cancellationToken)
    {
        var stages = Resolve(strategies);
        var split = new TimingSplit(data, splitAt, minHistory);
        if (split.Test.Count == 0)
            throw new EvaluationException($"no customer has {minHistory} or more moments before {splitAt:u} and one after it: nothing to evaluate");

        var population = Baselines.HourCounts(split);
        var global = Baselines.Mode(population, population);
        var results = new List<TimingResult>
        {
            Score(Baselines.Global, split, _ => global),
            Score(Baselines.Own, split, m => Baselines.OwnMode(split.TrainHours[m.CustomerId], population)),
        };

        var training = new TrainingData(split.Train, data.Items, data.Customers);
        foreach (var (stage, options) in stages)
        {
            var context = new StageContext
            {
                Customers = training, Catalog = training, Interactions = training,
                Time = new FixedClock(splitAt),
                Logger = loggers.CreateLogger($"Campaigns.Evaluation.{stage.Key}"),
                Run = Run,
                DataFolder = Directory.CreateDirectory(dataFolder).FullName,
            };
            var timing = (ISendTimeStage)stage.Create(context, options);
            try
            {
                results.Add(await ScoreAsync(stage.Key, timing, split, data, cancellationToken));
            }
            finally
            {
                await StageDisposal.DisposeAsync(timing);
            }
        }
        return results;
    }

    /// <summary>Prepares <paramref name="timing"/> and scores its choices for the test moments of <paramref name="split"/>.</summary>
    internal static async Task<TimingResult> ScoreAsync(string key, ISendTimeStage timing, TimingSplit split, TimingData data, CancellationToken cancellationToken)
    {
        await timing.PrepareAsync(cancellationToken);
        var predicted = await PredictAsync(timing, split, data, cancellationToken);
        return Score(key, split, m => predicted[(m.CustomerId, m.LocalDate)]);
    }

    /// <summary>One request per zone and local day (Earliest: the day's start, Deadline: its last tick) for the customers active then.</summary>
    private static async Task<Dictionary<(string, DateTime), int>> PredictAsync(ISendTimeStage stage, TimingSplit split, TimingData data, CancellationToken cancellationToken)
    {
        var predicted = new Dictionary<(string, DateTime), int>();
        var days = split.Test.Select(t => (t.CustomerId, t.LocalDate)).Distinct()
            .GroupBy(d => (Zone: data.Customers.GetValueOrDefault(d.CustomerId)?.TimeZone ?? "UTC", d.LocalDate));
        foreach (var group in days)
        {
            var zone = split.ZoneOf(group.First().CustomerId);
            var start = Scheduling.LocalClock.ToInstant(group.Key.LocalDate.Date, zone);
            var end = Scheduling.LocalClock.ToInstant(group.Key.LocalDate.Date.AddDays(1), zone).AddTicks(-1);
            var customers = group.Select(d => data.Customers.GetValueOrDefault(d.CustomerId) ?? new Customer(d.CustomerId)).ToArray();
            foreach (var chunk in customers.Chunk(1_000))
            {
                var decisions = await stage.ChooseAsync(chunk, new SendTimeRequest(start, end), cancellationToken);
                if (decisions.Count != chunk.Length) throw new EvaluationException($"the stage returned {decisions.Count} decisions for {chunk.Length} customers");
                for (var i = 0; i < chunk.Length; i++)
                    predicted[(chunk[i].Id, group.Key.LocalDate)] = TimeZoneInfo.ConvertTime(decisions[i].SendAt, zone).Hour;
            }
        }
        return predicted;
    }

    private static TimingResult Score(string name, TimingSplit split, Func<TestMoment, int> predict)
    {
        int exact = 0, near = 0;
        foreach (var moment in split.Test)
        {
            var distance = LocalHours.Distance(predict(moment), moment.Hour);
            if (distance == 0) exact++;
            if (distance <= 1) near++;
        }
        double n = split.Test.Count;
        return new TimingResult(name, exact / n, near / n, split.Customers, split.Test.Count);
    }

    /// <summary>
    /// Looks up every key and binds its options. A stage that explores is evaluated with <c>exploration</c> off when
    /// no options are given: hit rates measure what the model believes; exploration is what the simulation measures.
    /// </summary>
    private List<(StageRegistration Stage, object Options)> Resolve(IReadOnlyList<AlgorithmChoice> strategies)
    {
        var errors = new List<string>();
        var resolved = new List<(StageRegistration, object)>();
        foreach (var choice in strategies)
        {
            if (!registry.TryGet(StageKind.SendTime, choice.Key, out var stage))
            {
                errors.Add($"{choice.Key}: no send-time stage has this key (loaded: {string.Join(", ", Keys(registry))})");
                continue;
            }
            var bindErrors = new List<DefinitionError>();
            var options = choice.Options is null ? BindExploitOnly(stage) : null;
            options ??= StageOptionsBinder.Bind(stage.OptionsType, choice.Options, choice.Key, bindErrors);
            errors.AddRange(bindErrors.Select(e => e.ToString()));
            if (options is not null) resolved.Add((stage, options));
        }
        if (errors.Count > 0) throw new EvaluationException(string.Join(Environment.NewLine, errors));
        return resolved;
    }

    private static readonly JsonElement ExplorationOff = JsonDocument.Parse("""{"exploration":"off"}""").RootElement.Clone();

    private static object? BindExploitOnly(StageRegistration stage)
    {
        var errors = new List<DefinitionError>();
        var options = StageOptionsBinder.Bind(stage.OptionsType, ExplorationOff, stage.Key, errors);
        return errors.Count == 0 ? options : null;
    }

    /// <summary>Every loaded send-time stage key.</summary>
    public static IReadOnlyList<string> Keys(StageRegistry registry) =>
        [.. registry.All.Where(s => s.Kind == StageKind.SendTime).Select(s => s.Key)];
}

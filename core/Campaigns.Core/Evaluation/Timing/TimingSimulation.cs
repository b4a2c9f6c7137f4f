using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Evaluation.Timing;

/// <summary>One strategy run through the simulation: a name for the chart, the stage key and its options.</summary>
/// <param name="Name">Label of the curve.</param>
/// <param name="Key">Send-time stage key.</param>
/// <param name="Options">The stage's options, as in a campaign definition.</param>
public sealed record SimulatedStrategy(string Name, string Key, string Options);

/// <summary>The mean regret of a strategy in each round (oracle open probability minus the chosen hour's).</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Regret">Per round, averaged over customers.</param>
public sealed record RegretCurve(string Strategy, IReadOnlyList<double> Regret);

/// <summary>
/// Sends to synthetic customers with known habits, one message per day, and feeds opens back as events, so a
/// strategy that learns from outcomes can be watched learning. A message sent d hours from the customer's preferred
/// hour that day is opened with probability 0.05 + 0.55·exp(−d²/2); the oracle always sends at the preferred hour
/// (0.6). Each round the real stage is built anew over everything that happened so far, as a daily campaign would be.
/// </summary>
public sealed class TimingSimulation(StageRegistry registry, ILoggerFactory loggers, string dataFolder)
{
    /// <summary>Open probability at the preferred hour.</summary>
    public const double Oracle = 0.6;

    /// <summary>The open probability of a message sent <paramref name="hoursAway"/> from the preferred hour.</summary>
    public static double OpenProbability(int hoursAway) => 0.05 + 0.55 * Math.Exp(-hoursAway * hoursAway / 2.0);

    /// <summary>Runs every strategy on the same customers and the same history, <paramref name="rounds"/> days each.</summary>
    public async Task<IReadOnlyList<RegretCurve>> RunAsync(int customers, int rounds, int seed, IReadOnlyList<SimulatedStrategy> strategies, CancellationToken cancellationToken)
    {
        var habits = new SyntheticHabits(customers, seed);
        // A little history each (at most two moments): most of what the strategy learns must come from its own sends.
        var history = habits.Events().Where(e => e.OccurredAt < SyntheticHabits.SplitAt)
            .GroupBy(e => e.CustomerId, StringComparer.Ordinal).SelectMany(g => g.Take(2)).ToList();
        var people = habits.Habits.Select(h => new Customer(h.Id)).ToArray();
        var known = people.ToDictionary(c => c.Id, StringComparer.Ordinal);

        var curves = new List<RegretCurve>();
        foreach (var strategy in strategies)
        {
            var (registration, options) = Resolve(strategy);
            var events = new List<Interaction>(history);
            var outcomes = new Random(seed + 7);
            var regret = new double[rounds];
            for (var round = 0; round < rounds; round++)
            {
                var day = SyntheticHabits.SplitAt.AddDays(round);
                var data = new TrainingData(events, [], known);
                var context = new StageContext
                {
                    Customers = data, Catalog = data, Interactions = data,
                    Time = new FixedClock(day),
                    Logger = loggers.CreateLogger($"Campaigns.Simulation.{strategy.Key}"),
                    Run = new CampaignRunInfo("simulate-timing", 1, $"round-{round}"),
                    DataFolder = Directory.CreateDirectory(dataFolder).FullName,
                };
                var stage = (ISendTimeStage)registration.Create(context, options);
                await stage.PrepareAsync(cancellationToken);
                var decisions = await stage.ChooseAsync(people, new SendTimeRequest(day, day.AddDays(1).AddTicks(-1)), cancellationToken);
                for (var i = 0; i < people.Length; i++)
                {
                    var sent = decisions[i].SendAt;
                    var away = LocalHours.Distance(sent.UtcDateTime.Hour, habits.Habits[i].PreferredOn(sent.UtcDateTime));
                    var p = OpenProbability(away);
                    regret[round] += Oracle - p;
                    if (outcomes.NextDouble() < p) events.Add(new Interaction(people[i].Id, "", InteractionTypes.Open, sent.AddMinutes(outcomes.Next(1, 30))));
                }
                regret[round] /= people.Length;
            }
            curves.Add(new RegretCurve(strategy.Name, regret));
        }
        return curves;
    }

    private (StageRegistration, object) Resolve(SimulatedStrategy strategy)
    {
        if (!registry.TryGet(StageKind.SendTime, strategy.Key, out var registration))
            throw new EvaluationException($"{strategy.Key}: no send-time stage has this key");
        var errors = new List<DefinitionError>();
        var options = StageOptionsBinder.Bind(registration.OptionsType, JsonDocument.Parse(strategy.Options).RootElement.Clone(), strategy.Key, errors);
        if (options is null || errors.Count > 0) throw new EvaluationException(string.Join(Environment.NewLine, errors));
        return (registration, options);
    }
}

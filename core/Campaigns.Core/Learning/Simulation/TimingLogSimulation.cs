using Campaigns.Learning.OffPolicy;
using Campaigns.Learning.OffPolicy.Timing;

namespace Campaigns.Learning.Simulation;

/// <summary>
/// A slot-decision log with a known truth, to check that off-policy evaluation of a timing strategy says what that
/// strategy would really have earned. Customers have a hidden preferred hour (60% around 09:00, 40% around 20:00, ±2 h,
/// as <see cref="SyntheticShop"/>); their logged 24-hour activity profile is drawn from it (most events in that hour, some
/// next to it, some anywhere; a fifth have none). The logging policy is what the planner does with
/// <c>timing.exploration</c>: the stage's hour (a fixed <see cref="GreedyHour"/>) with probability 1 − ε, otherwise a
/// uniformly drawn hour of the window, logged with its propensity. A message opens with probability
/// 0.05 + 0.55·exp(−d²/2), d hours from the preferred hour (the open model of <c>simulate-timing</c>).
/// </summary>
public sealed class TimingLogSimulation
{
    /// <summary>The hour the logging strategy sends in when it does not explore.</summary>
    public const int GreedyHour = 12;

    /// <summary>The candidate hours of every decision: a campaign window from 08:00 to 21:00 local.</summary>
    public static readonly IReadOnlyList<int> Window = [.. Enumerable.Range(8, 14)];

    private readonly int[] _preferred;

    /// <summary>Simulates <paramref name="decisions"/> logged decisions explored with share <paramref name="exploration"/>.</summary>
    public TimingLogSimulation(int decisions, double exploration, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(decisions, 1);
        if (exploration is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(exploration), "exploration must be more than 0 and at most 1");
        var random = new Random(seed);
        var options = Window.Select(SlotFeatures.Label).ToArray();
        var log = new LoggedChoice[decisions];
        _preferred = new int[decisions];
        for (var i = 0; i < decisions; i++)
        {
            var preferred = ((random.NextDouble() < 0.6 ? 9 : 20) + (int)Math.Round(Sampling.Normal(random) * 2) + 24) % 24;
            _preferred[i] = preferred;
            var explore = random.NextDouble() < exploration;
            var hour = explore ? Window[random.Next(Window.Count)] : GreedyHour;
            var propensity = exploration / Window.Count + (hour == GreedyHour ? 1 - exploration : 0);
            var reward = random.NextDouble() < OpenProbability(hour, preferred) ? 1 : 0;
            log[i] = new LoggedChoice(SlotFeatures.Label(hour), propensity, reward)
            {
                Options = options,
                Features = new Dictionary<string, string>(StringComparer.Ordinal) { [SlotFeatures.Activity] = SlotFeatures.FormatActivity(Activity(preferred, random)) },
            };
        }
        Log = log;
    }

    /// <summary>The logged decisions.</summary>
    public IReadOnlyList<LoggedChoice> Log { get; }

    /// <summary>The chance a message sent at local <paramref name="hour"/> is opened by a customer who prefers <paramref name="preferred"/>.</summary>
    public static double OpenProbability(int hour, int preferred)
    {
        var d = Math.Abs(hour - preferred);
        d = Math.Min(d, 24 - d);
        return 0.05 + 0.55 * Math.Exp(-d * d / 2.0);
    }

    /// <summary>What <paramref name="candidate"/> would truly have earned per decision on the same customers and windows.</summary>
    public double TrueValue(CandidatePolicy candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        candidate.Prepare(Log);
        var total = 0.0;
        for (var i = 0; i < Log.Count; i++)
            foreach (var hour in Window)
                total += candidate.Probability(Log[i], SlotFeatures.Label(hour)) * OpenProbability(hour, _preferred[i]);
        return total / Log.Count;
    }

    /// <summary>The logging policy's own true value.</summary>
    public double TrueLoggedValue(double exploration) => _preferred.Average(p =>
        (1 - exploration) * OpenProbability(GreedyHour, p) + exploration * Window.Average(h => OpenProbability(h, p)));

    private static int[] Activity(int preferred, Random random)
    {
        var counts = new int[24];
        var events = random.NextDouble() < 0.2 ? 0 : 1 + random.Next(40);
        for (var e = 0; e < events; e++)
        {
            var draw = random.NextDouble();
            var hour = draw < 0.6 ? preferred : draw < 0.8 ? preferred + (random.NextDouble() < 0.5 ? -1 : 1) : random.Next(24);
            counts[(hour + 24) % 24]++;
        }
        return counts;
    }
}

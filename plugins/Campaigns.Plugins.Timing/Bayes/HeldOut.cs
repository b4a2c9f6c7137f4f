using Campaigns.Plugins.Timing.History;
using Campaigns.Plugins.Timing.Slots;

namespace Campaigns.Plugins.Timing.Bayes;

/// <summary>
/// A customer's moments cut in time for fitting the prior strengths: the earlier ones predict the later ones, as the
/// model will predict the future from the past, and the strengths are those whose choices would have hit most of the
/// later moments' hours. (Fitted by leave-one-out or held-out likelihood instead, the prior came out 3 to 8 times
/// weaker on Online Retail, where the likelihood rewards personal spread that does not help pick an hour, and the
/// strategy fell below the global most-common hour there; see docs/timing.md.)
/// </summary>
/// <param name="Past">Counts of the moments before the cut.</param>
/// <param name="Future">The moments at or after it.</param>
internal sealed record HeldOut(SlotCounts Past, LocalEvent[] Future)
{
    /// <summary>The customers with moments on both sides of <paramref name="cut"/>.</summary>
    public static List<HeldOut> Split(IEnumerable<LocalEvent[]> customers, DateTimeOffset cut) =>
        [.. customers
            .Where(events => events.Length >= 2 && events[0].At < cut && events[^1].At >= cut)
            .Select(events => new HeldOut(SlotCounts.Of([.. events.Where(e => e.At < cut)]), [.. events.Where(e => e.At >= cut)]))];

    /// <summary>
    /// The weighted share of future moments whose local hour is the one the model would choose on their day (the
    /// decision the stage makes for a day-long window), with strengths α and β.
    /// </summary>
    public static (double Rate, double Moments) DayHits(IReadOnlyList<HeldOut> customers, double[] population, double[] dayType, double alpha, double beta)
    {
        double hits = 0, total = 0;
        var q = new double[HourOfWeek.DayTypeSlots];
        foreach (var (past, future) in customers)
        {
            for (var t = 0; t < q.Length; t++) q[t] = (alpha * dayType[t] + past.DayType[t]) / (alpha + past.Total);
            foreach (var e in future)
            {
                var day = HourOfWeek.Of(e.Local) / 24 * 24;
                var best = 0;
                var bestScore = double.NegativeInfinity;
                for (var h = 0; h < 24; h++)
                {
                    var s = day + h;
                    var t = HourOfWeek.DayType(s);
                    var score = beta * q[t] * population[s] / dayType[t] + past.Week[s];
                    if (score > bestScore) (best, bestScore) = (h, score);
                }
                if (best == e.Local.Hour) hits += e.Weight;
                total += e.Weight;
            }
        }
        return total == 0 ? (0, 0) : (hits / total, total);
    }
}

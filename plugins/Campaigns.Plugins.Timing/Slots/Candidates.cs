using Campaigns.Stages;

namespace Campaigns.Plugins.Timing.Slots;

/// <summary>One local hour a message could go in: its first allowed instant, its wall-clock start and its hour-of-week slot.</summary>
/// <param name="Start">The first instant of the hour that is allowed (the start of sending for the current hour).</param>
/// <param name="Local">The wall-clock time at <paramref name="Start"/>.</param>
/// <param name="Slot">The hour-of-week slot.</param>
internal readonly record struct Candidate(DateTimeOffset Start, DateTime Local, int Slot);

/// <summary>The candidate hours of a decision: every local hour from the start of sending to the horizon or the deadline.</summary>
internal static class Candidates
{
    /// <summary>The instant sending may start: the request's earliest, but never before now.</summary>
    public static DateTimeOffset From(SendTimeRequest request, DateTimeOffset now) => request.Earliest > now ? request.Earliest : now;

    /// <summary>
    /// The hours in [<paramref name="from"/>, min(deadline, from + horizon)], first the current one (starting at
    /// <paramref name="from"/>), then each following local hour. A local hour skipped by a daylight-saving change is
    /// left out (its instant is the next hour's); an hour that happens twice counts once, at its earlier instant —
    /// both as <see cref="LocalClock"/> does.
    /// </summary>
    public static List<Candidate> Hourly(DateTimeOffset from, DateTimeOffset? deadline, int horizonHours, ResolvedZone zone)
    {
        var until = from.AddHours(horizonHours);
        if (deadline is { } d && d < until) until = d < from ? from : d;
        var localFrom = zone.Local(from);
        var list = new List<Candidate> { new(from, localFrom, HourOfWeek.Of(localFrom)) };
        var hour = new DateTime(localFrom.Year, localFrom.Month, localFrom.Day, localFrom.Hour, 0, 0, DateTimeKind.Unspecified);
        // Walk wall-clock hours; a fall-back night has 25, so a few extra steps cover the horizon.
        for (var step = 1; step <= horizonHours + 3; step++)
        {
            var start = LocalClock.ToInstant(hour.AddHours(step), zone.Zone);
            if (start > until) break;
            if (start <= list[^1].Start) continue;
            var local = zone.Local(start);
            list.Add(new Candidate(start, local, HourOfWeek.Of(local)));
        }
        return list;
    }
}

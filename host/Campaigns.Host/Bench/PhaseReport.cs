using System.Globalization;
using System.Text;
using Campaigns.Host.Api.Phases;

namespace Campaigns.Host.Bench;

/// <summary>The phase breakdown of a <c>bench ingest</c> run: microseconds per event in each phase and its share.</summary>
internal static class PhaseReport
{
    /// <summary>
    /// One line per phase. <paramref name="clientTime"/> is the run's elapsed time times the clients: the request time
    /// the load generator saw; what the phases do not cover of it is HTTP, Kestrel and waiting for a core.
    /// </summary>
    public static string Format(PhaseTotals spent, TimeSpan clientTime)
    {
        var text = new StringBuilder("  phases (wall time summed over requests, µs per event, share of client time):");
        var events = Math.Max(1, spent.Records);
        var covered = TimeSpan.Zero;
        foreach (var phase in Enum.GetValues<IngestPhase>())
        {
            var time = spent.Times[(int)phase];
            covered += time;
            Append(text, phase.ToString(), time, events, clientTime);
        }
        Append(text, "Outside (HTTP, client, queueing)", clientTime - covered, events, clientTime);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, TimeSpan time, long events, TimeSpan clientTime) =>
        text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}    {name,-34} {time.TotalMicroseconds / events,8:0.0} µs/event  {time / clientTime,6:P0}");
}

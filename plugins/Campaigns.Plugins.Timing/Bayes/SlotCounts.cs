using Campaigns.Plugins.Timing.History;
using Campaigns.Plugins.Timing.Slots;

namespace Campaigns.Plugins.Timing.Bayes;

/// <summary>A customer's weighted moments per hour-of-week slot and per day-type slot.</summary>
internal sealed class SlotCounts
{
    /// <summary>Per hour-of-week slot (168).</summary>
    public double[] Week { get; } = new double[HourOfWeek.Slots];

    /// <summary>Per day-type slot (48).</summary>
    public double[] DayType { get; } = new double[HourOfWeek.DayTypeSlots];

    /// <summary>The sum of the weights.</summary>
    public double Total { get; private set; }

    /// <summary>Counts the moments of one customer.</summary>
    public static SlotCounts Of(IReadOnlyList<LocalEvent> events)
    {
        var counts = new SlotCounts();
        foreach (var e in events)
        {
            var slot = HourOfWeek.Of(e.Local);
            counts.Week[slot] += e.Weight;
            counts.DayType[HourOfWeek.DayType(slot)] += e.Weight;
            counts.Total += e.Weight;
        }
        return counts;
    }
}

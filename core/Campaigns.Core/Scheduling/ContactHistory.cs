namespace Campaigns.Scheduling;

/// <summary>
/// How many messages each customer already has on one channel kind per local day, read from the ledger (planned,
/// sending or sent, every campaign) inside the transaction that will add the new rows, and counted up as they are placed.
/// </summary>
public sealed class ContactHistory
{
    private readonly Dictionary<(string Customer, int Day), int> _counts = [];

    /// <summary>Adds <paramref name="count"/> messages for <paramref name="customerId"/> on local day <paramref name="day"/>.</summary>
    public void Add(string customerId, int day, int count = 1)
    {
        var key = (customerId, day);
        _counts[key] = _counts.GetValueOrDefault(key) + count;
    }

    /// <summary>Messages on one local day.</summary>
    public int OnDay(string customerId, int day) => _counts.GetValueOrDefault((customerId, day));

    /// <summary>Messages in the ISO week that contains <paramref name="day"/>.</summary>
    public int InWeekOf(string customerId, int day)
    {
        var monday = LocalClock.WeekStart(day);
        var total = 0;
        for (var d = monday; d < monday + 7; d++) total += OnDay(customerId, d);
        return total;
    }

    /// <summary>Messages in the period of <paramref name="cap"/> that contains <paramref name="day"/>.</summary>
    public int In(FrequencyCap cap, string customerId, int day) =>
        cap.Per == CapPeriod.Day ? OnDay(customerId, day) : InWeekOf(customerId, day);
}

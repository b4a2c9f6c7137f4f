namespace Campaigns.Scheduling;

/// <summary>At most <see cref="Count"/> messages per customer and channel kind in one local calendar day or ISO week, across all campaigns.</summary>
/// <param name="Count">The most messages allowed in the period (at least 1).</param>
/// <param name="Per">The period.</param>
public sealed record FrequencyCap(int Count, CapPeriod Per)
{
    /// <summary>The reason code of a slot this cap refuses, e.g. <c>cap:email:day</c>.</summary>
    public string Code(string channelKind) => $"cap:{channelKind}:{(Per == CapPeriod.Day ? "day" : "week")}";
}

/// <summary>The calendar period a cap counts over, in the customer's own zone.</summary>
public enum CapPeriod
{
    /// <summary>One local calendar day, midnight to midnight.</summary>
    Day,

    /// <summary>One ISO week, Monday 00:00 to the next Monday 00:00 local time.</summary>
    Week,
}

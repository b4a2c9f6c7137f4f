namespace Campaigns.Plugins.Timing.Slots;

/// <summary>The 168 hour-of-week slots of local time, Monday 00:00 = 0, and the 48 day-type × hour slots (weekday, weekend).</summary>
internal static class HourOfWeek
{
    /// <summary>Slots in a week.</summary>
    public const int Slots = 168;

    /// <summary>Day-type slots: 24 weekday hours, then 24 weekend hours.</summary>
    public const int DayTypeSlots = 48;

    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>The slot of a local time.</summary>
    public static int Of(DateTime local) => ((int)local.DayOfWeek + 6) % 7 * 24 + local.Hour;

    /// <summary>The day-type slot (0..47) of an hour-of-week slot: Saturday and Sunday are the weekend.</summary>
    public static int DayType(int slot) => (slot / 24 >= 5 ? 24 : 0) + slot % 24;

    /// <summary>A short label, e.g. <c>Tue 19:00</c>.</summary>
    public static string Label(int slot) => $"{DayNames[slot / 24]} {slot % 24:00}:00";
}

namespace Campaigns.Data.Access;

/// <summary>Times are stored as Unix milliseconds UTC in both databases: portable, sortable, no time-zone surprises.</summary>
internal static class UnixMs
{
    public static long From(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? From(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset ToTime(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}

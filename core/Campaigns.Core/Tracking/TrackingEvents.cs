namespace Campaigns.Tracking;

/// <summary>
/// The ids of the events tracking records. A click's id ends with the message's ledger key (keys contain colons, so
/// it goes last), which is how attribution finds the message a click came from.
/// </summary>
public static class TrackingEvents
{
    /// <summary><c>click:&lt;unix ms&gt;:&lt;url hash&gt;:&lt;ledger key&gt;</c>: every click is its own event.</summary>
    public static string ClickId(string key, string url, DateTimeOffset at) =>
        $"click:{at.ToUnixTimeMilliseconds()}:{TrackingToken.ShortHash(url)}:{key}";

    /// <summary><c>open:&lt;ledger key&gt;</c>: one open per message.</summary>
    public static string OpenId(string key) => "open:" + key;

    /// <summary>The ledger key of a click event's id; null for any other id.</summary>
    public static string? KeyOfClick(string eventId)
    {
        var parts = eventId.Split(':', 4);
        return parts.Length == 4 && parts[0] == "click" ? parts[3] : null;
    }
}

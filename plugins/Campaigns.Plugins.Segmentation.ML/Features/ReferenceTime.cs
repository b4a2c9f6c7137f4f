using Campaigns.Data;
using Campaigns.Plugins.Shared;

namespace Campaigns.Plugins.Segmentation.ML.Features;

/// <summary>The instant the segments are computed for: now, or the latest purchase of a historic data set.</summary>
internal static class ReferenceTime
{
    /// <summary>The purchase event type, the only one these audiences learn from.</summary>
    public static readonly IReadOnlyList<string> Purchases = [InteractionTypes.Purchase];

    /// <summary>
    /// With <c>now</c>, the clock. With <c>latest-event</c>, just after the latest purchase. With <c>auto</c>, the clock
    /// unless nobody bought in the last <paramref name="quietDays"/> days (a historic data set such as the 2011 sample,
    /// where "days since last order" measured from today would be years for everyone and mean nothing).
    /// </summary>
    public static async Task<DateTimeOffset> ResolveAsync(IInteractionReader reader, string anchor, DateTimeOffset now, int quietDays, CancellationToken cancellationToken)
    {
        if (anchor == WindowAnchors.Now) return now;
        var latest = await EventWindow.EndingAtLatestAsync(reader, quietDays, Purchases, cancellationToken);
        if (latest is null) return now;
        // The window ends one tick after the latest purchase, but the stores keep milliseconds: a query "before" that
        // instant would lose the tick and the latest invoice with it. One millisecond later keeps it on every store.
        var justAfter = latest.Until.AddTicks(-1).AddMilliseconds(1);
        if (anchor == WindowAnchors.LatestEvent) return justAfter;
        return latest.Until > now.AddDays(-quietDays) ? now : justAfter;
    }
}

using Campaigns.Data;

namespace Campaigns.Plugins.Shared;

/// <summary>The values of the <c>anchor</c> option: where a "last N days" window ends.</summary>
internal static class WindowAnchors
{
    /// <summary>At now if any matching event falls in the window ending now, else at the latest matching event.</summary>
    public const string Auto = "auto";

    /// <summary>Always at now (the clock).</summary>
    public const string Now = "now";

    /// <summary>Always at the latest matching event in the store (historic data sets).</summary>
    public const string LatestEvent = "latest-event";
}

/// <summary>A "last N days" window of events: <see cref="Since"/> inclusive, <see cref="Until"/> exclusive.</summary>
/// <param name="Since">Inclusive start.</param>
/// <param name="Until">Exclusive end.</param>
/// <param name="Days">Length in days.</param>
/// <param name="AtLatestEvent">True when the window ends at the latest event rather than now.</param>
internal sealed record EventWindow(DateTimeOffset Since, DateTimeOffset Until, int Days, bool AtLatestEvent)
{
    /// <summary>A short label for reasons and logs: <c>30d</c>, or <c>30d-to-2011-12-09</c> when anchored at the latest event.</summary>
    public string Label => AtLatestEvent ? $"{Days}d-to-{Until.UtcDateTime:yyyy-MM-dd}" : $"{Days}d";

    /// <summary>The query for this window and the given event types (null or empty: all types).</summary>
    public InteractionQuery Query(IReadOnlyList<string>? types) => new(Since, Until, types is { Count: > 0 } ? types : null);

    /// <summary>The window of <paramref name="days"/> days ending now.</summary>
    public static EventWindow EndingAt(DateTimeOffset now, int days) => new(now.AddDays(-days), now, days, false);

    /// <summary>
    /// Picks the window for an <paramref name="anchor"/> option and loads what the stage needs over it: with
    /// <c>auto</c>, a window ending now that holds nothing is replaced by the one ending at the latest matching event.
    /// </summary>
    /// <remarks><paramref name="load"/> loads the stage's data for a window and says whether it found nothing.</remarks>
    public static async Task<(EventWindow Window, T Loaded)> ChooseAsync<T>(IInteractionReader reader, string anchor, DateTimeOffset now, int days,
        IReadOnlyList<string>? types, Func<EventWindow, Task<(T Loaded, bool Empty)>> load, CancellationToken cancellationToken)
    {
        var window = anchor == WindowAnchors.LatestEvent
            ? await EndingAtLatestAsync(reader, days, types, cancellationToken) ?? EndingAt(now, days)
            : EndingAt(now, days);
        var (loaded, empty) = await load(window);
        if (empty && anchor == WindowAnchors.Auto && await EndingAtLatestAsync(reader, days, types, cancellationToken) is { } latest)
        {
            window = latest;
            (loaded, _) = await load(window);
        }
        return (window, loaded);
    }

    /// <summary>The window of <paramref name="days"/> days ending just after the latest matching event; null when there is none.</summary>
    /// <remarks>
    /// The reader has no "latest event" query, so this takes the largest per-customer last-event time: one aggregate
    /// pass in the store, paid only when a window must be anchored in the past.
    /// </remarks>
    public static async Task<EventWindow?> EndingAtLatestAsync(IInteractionReader reader, int days, IReadOnlyList<string>? types, CancellationToken cancellationToken)
    {
        DateTimeOffset? latest = null;
        var query = new InteractionQuery(Types: types is { Count: > 0 } ? types : null);
        await foreach (var batch in reader.CountByCustomerAsync(query, 10_000, cancellationToken))
        {
            foreach (var activity in batch)
            {
                if (latest is null || activity.LastAt > latest) latest = activity.LastAt;
            }
        }
        if (latest is null) return null;
        // Until is exclusive: one tick past the latest event keeps that event inside the window.
        var until = latest.Value.AddTicks(1);
        return new EventWindow(until.AddDays(-days), until, days, true);
    }
}

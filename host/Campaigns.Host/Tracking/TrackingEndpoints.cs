using Campaigns.Data;
using Campaigns.Storage;
using Campaigns.Tracking;

namespace Campaigns.Host.Tracking;

/// <summary>
/// The public tracking endpoints: <c>GET /t/c/{token}</c> records a click and redirects, <c>GET /t/o/{token}</c>
/// records the first open and answers a 1×1 GIF, <c>POST /t/u/{token}</c> unsubscribes at once (RFC 8058 one-click, no
/// cookie, replay harmless) and <c>GET /t/u/{token}</c> shows a page with that button (mail scanners follow GETs, so a
/// GET never unsubscribes). A tampered token gets 400, an expired one 410; neither records anything.
/// </summary>
internal static class TrackingEndpoints
{
    // The smallest transparent GIF.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static WebApplication MapCampaignsTracking(this WebApplication app)
    {
        var group = app.MapGroup("/t");
        group.MapGet("/c/{token}", async (string token, TrackingServices s, CancellationToken ct) =>
        {
            var (link, row, refusal) = await s.ResolveAsync(token, "c", ct);
            if (refusal is not null) return refusal;
            var now = s.Time.GetUtcNow();
            await s.Events.AddEventsAsync([new StoredEvent(TrackingEvents.ClickId(link!.Key, link.Url ?? "", now),
                new Interaction(row!.CustomerId, link.Item ?? "", InteractionTypes.Click, now))], ct);
            return Results.Redirect(link.Url!);
        });
        group.MapGet("/o/{token}", async (string token, TrackingServices s, CancellationToken ct) =>
        {
            var (link, row, refusal) = await s.ResolveAsync(token, "o", ct);
            if (refusal is not null) return refusal;
            // One open per message: the event id is the message's, so later loads of the pixel add nothing.
            await s.Events.AddEventsAsync([new StoredEvent(TrackingEvents.OpenId(link!.Key), new Interaction(row!.CustomerId, "", InteractionTypes.Open, s.Time.GetUtcNow()))], ct);
            return Results.File(Pixel, "image/gif");
        });
        group.MapPost("/u/{token}", async (string token, TrackingServices s, CancellationToken ct) =>
        {
            var (_, row, refusal) = await s.ResolveAsync(token, "u", ct);
            if (refusal is not null) return refusal;
            await s.Suppressions.AddAsync([new Suppression(row!.CustomerId, row.ChannelKind ?? "email", "unsubscribed", s.Time.GetUtcNow(), row.CampaignId)], ct);
            return Results.Text("You are unsubscribed.", "text/plain");
        }).DisableAntiforgery();
        group.MapGet("/u/{token}", async (string token, TrackingServices s, CancellationToken ct) =>
        {
            var (_, _, refusal) = await s.ResolveAsync(token, "u", ct);
            return refusal ?? Results.Content(
                $"<!doctype html><title>Unsubscribe</title><form method=\"post\"><p>Stop these messages?</p><button type=\"submit\">Unsubscribe</button></form>",
                "text/html");
        });
        return app;
    }
}

/// <summary>What the endpoints need, resolved once per request.</summary>
internal sealed class TrackingServices(TrackingOptions options, ILedgerStore ledger, IImportWriter events, ISuppressionStore suppressions, TimeProvider time)
{
    private readonly TrackingToken _tokens = new(options.Secret);

    public IImportWriter Events => events;
    public ISuppressionStore Suppressions => suppressions;
    public TimeProvider Time => time;

    /// <summary>The link and its ledger row, or the answer that refuses it.</summary>
    public async Task<(TrackedLink? Link, LedgerEntry? Row, IResult? Refusal)> ResolveAsync(string token, string action, CancellationToken ct)
    {
        if (!options.Enabled) return (null, null, Results.NotFound());
        var (link, why) = _tokens.Verify(token, time.GetUtcNow());
        if (why == "expired") return (null, null, Results.Text("This link has expired.", statusCode: StatusCodes.Status410Gone));
        if (link is null || link.Action != action) return (null, null, Results.Text("Invalid link.", statusCode: StatusCodes.Status400BadRequest));
        var row = await ledger.FindAsync(link.Key, ct);
        return row is null ? (null, null, Results.Text("Unknown message.", statusCode: StatusCodes.Status404NotFound)) : (link, row, null);
    }
}

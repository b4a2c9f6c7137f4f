using Campaigns.Host.Api.Keys;
using Campaigns.Privacy;
using Campaigns.Storage;

namespace Campaigns.Host.Privacy;

/// <summary>
/// The privacy API, mapped into the authenticated <c>/api/v1</c> group: <c>DELETE /customers/{id}</c> erases a
/// customer; <c>GET</c>, <c>POST</c> and <c>DELETE /suppressions</c> read, add (complaints, unsubscribes, bounces from
/// elsewhere) and lift suppression list entries. See docs/consent.md.
/// </summary>
internal static class PrivacyEndpoints
{
    public static RouteGroupBuilder MapCampaignsPrivacy(this RouteGroupBuilder api)
    {
        MapErasure(api.MapGroup("").RequireApiScope(ApiScopes.CustomersErase));
        MapSuppressions(api.MapGroup("").RequireApiScope(ApiScopes.SuppressionsManage));
        return api;
    }

    private static void MapErasure(RouteGroupBuilder api) =>
        api.MapDelete("/customers/{id}", async (string id, ICustomerEraser eraser, CancellationToken ct) =>
        {
            var report = await eraser.EraseAsync(id, ct);
            var body = new { outcome = report.Outcome.ToString(), report.HashedId, report.Steps };
            return report.Outcome == ErasureOutcome.Unknown ? Results.NotFound(body) : Results.Ok(body);
        });

    private static void MapSuppressions(RouteGroupBuilder api)
    {
        api.MapGet("/suppressions", async (string? customerId, int? limit, ISuppressionStore store, CancellationToken ct) =>
            Results.Ok(await store.ListAsync(customerId, Math.Clamp(limit ?? 100, 1, 1000), ct)));
        api.MapPost("/suppressions", async (SuppressionRequest[]? entries, ISuppressionStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (entries is null || entries.Length == 0)
                return Results.BadRequest(new { errors = new[] { new InputError(null, "$", "send a JSON array of { customerId, channelKind, reason, detail }") } });
            // Every entry is checked before any is stored: one bad record stores nothing.
            var errors = entries.Select((e, i) => (Index: i, Problem: e is null ? ("$", "an entry is an object") : SuppressionInput.Problem(e.CustomerId, e.ChannelKind, e.Reason)))
                .Where(p => p.Problem is not null).Select(p => new InputError(p.Index, p.Problem!.Value.Field, p.Problem.Value.Message)).ToList();
            if (errors.Count > 0) return Results.BadRequest(new { errors });
            var now = time.GetUtcNow();
            await store.AddAsync([.. entries.Select(e => new Suppression(e.CustomerId!, e.ChannelKind!, e.Reason!, now, e.Detail))], ct);
            return Results.Ok(new { listed = entries.Length });
        });
        api.MapDelete("/suppressions/{customerId}/{channelKind}", async (string customerId, string channelKind, ISuppressionStore store, CancellationToken ct) =>
            SuppressionInput.IsKind(channelKind) && await store.RemoveAsync(customerId, channelKind, ct) ? Results.NoContent() : Results.NotFound());
    }
}

/// <summary>One entry to list, as the API takes it.</summary>
internal sealed record SuppressionRequest(string? CustomerId, string? ChannelKind, string? Reason, string? Detail);

/// <summary>One refused field of one record.</summary>
internal sealed record InputError(int? Index, string Field, string Message);

using System.Diagnostics;
using Campaigns.Host.Api.Body;
using Campaigns.Host.Api.Docs;
using Campaigns.Host.Api.Keys;
using Campaigns.Host.Api.Phases;
using Campaigns.Host.Privacy;
using Campaigns.Host.Reports;
using Campaigns.Host.Segments;
using Campaigns.Storage;

namespace Campaigns.Host.Api;

/// <summary>The write API under <c>/api/v1</c> and its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
internal static class ApiEndpoints
{
    public static WebApplication MapCampaignsApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1").WithTags("Write API");
        Map(api, "/events", RecordKind.Events, ApiScopes.EventsWrite, typeof(EventRecordDoc[]), "Stores behaviour events; an event whose id is stored already is counted as a duplicate.");
        Map(api, "/customers", RecordKind.Customers, ApiScopes.CustomersWrite, typeof(CustomerRecordDoc[]), "Creates or updates customers; fields not sent keep their value, consent and attributes are merged.");
        Map(api, "/catalog/items", RecordKind.Catalog, ApiScopes.CatalogWrite, typeof(ItemRecordDoc[]), "Creates or updates catalog items; fields not sent keep their value.");
        api.MapCampaignsPrivacy();
        api.MapCampaignsReports();
        api.MapCampaignsSegments();
        return app;
    }

    private static void Map(RouteGroupBuilder api, string path, RecordKind kind, string scope, Type schema, string summary) =>
        api.MapPost(path, (HttpContext context, BatchIngest ingest, ApiOptions options, IngestPhases phases) => PostAsync(context, ingest, options, phases, kind))
            .RequireApiScope(scope)
            .WithName("post-" + kind.ToString().ToLowerInvariant())
            .WithSummary(summary)
            .Accepts(schema, "application/json")
            .Produces<BatchAccepted>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> PostAsync(HttpContext context, BatchIngest ingest, ApiOptions options, IngestPhases phases, RecordKind kind)
    {
        if (!context.Request.HasJsonContentType()) return BatchProblems.UnsupportedMediaType();
        var started = Stopwatch.GetTimestamp();
        if (await RequestBody.ReadAsync(context, options.MaxBodyBytes, context.RequestAborted) is not { } body)
            return BatchProblems.TooLarge(options.MaxBodyBytes);
        started = phases.Add(IngestPhase.ReadBody, started);
        using var batch = BatchDocument.Parse(body, options);
        phases.Add(IngestPhase.Parse, started);
        if (batch.Errors.Count > 0)
            return BatchProblems.Refused(batch.Errors, batch.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        // Not the request's token: once the transaction may have committed, the observers must hear about it.
        var result = await ingest.IngestAsync(kind, batch.Records, store: true, CancellationToken.None);
        return result.Errors.Count > 0
            ? BatchProblems.Refused(result.Errors)
            : Results.Ok(new BatchAccepted(result.Received, result.Stored, result.Duplicates));
    }
}

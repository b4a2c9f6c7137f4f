using Campaigns.Host.Api;
using Campaigns.Host.Api.Docs;
using Campaigns.Host.Api.Phases;
using Campaigns.Host.Reports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the event and catalog write API.</summary>
internal static class ApiServiceCollectionExtensions
{
    /// <summary>The limits from <c>Campaigns:Api</c> (see <see cref="ApiOptions"/>), the batch writer and the OpenAPI document.</summary>
    public static IServiceCollection AddCampaignsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ApiOptions.From(configuration));
        services.AddSingleton<BatchIngest>();
        services.AddSingleton<IngestPhases>();
        // The /api/v1 group also serves experiment reports (MapCampaignsApi maps them).
        services.AddCampaignsReports();
        services.AddOpenApi("v1", options =>
        {
            var security = new ApiKeySecurity();
            options.AddDocumentTransformer(security);
            options.AddOperationTransformer(security);
        });
        return services;
    }
}

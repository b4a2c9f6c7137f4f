using Campaigns.Host.Delivery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the host's delivery policy (frequency caps, quiet hours, provider rate limits).</summary>
internal static class DeliveryPolicyServiceCollectionExtensions
{
    /// <summary>Reads <c>Campaigns:Delivery</c> and registers it for the planner and the dispatcher; a bad setting stops the host with its path.</summary>
    public static IServiceCollection AddCampaignsDeliveryPolicy(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(DeliveryPolicyReader.Read(configuration));
}

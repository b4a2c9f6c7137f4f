using Campaigns.Host.Tracking;
using Campaigns.Tracking;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers click, open and unsubscribe tracking from <c>Campaigns:Tracking</c>.</summary>
internal static class TrackingServiceCollectionExtensions
{
    /// <summary>
    /// <c>Campaigns:Tracking:BaseUrl</c> (the host's public address; unset: tracking off) and
    /// <c>Campaigns:Tracking:Secret</c> (base64, at least 32 bytes, the same on every host). A bad setting stops the host.
    /// </summary>
    public static IServiceCollection AddCampaignsTracking(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Campaigns:Tracking");
        var options = TrackingOptions.Off;
        if (section["BaseUrl"] is { Length: > 0 } baseUrl)
        {
            if (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new InvalidOperationException($"Campaigns:Tracking:BaseUrl: '{baseUrl}' is not an absolute http(s) URL");
            byte[] secret;
            try { secret = Convert.FromBase64String(section["Secret"] ?? ""); }
            catch (FormatException) { secret = []; }
            if (secret.Length < 32)
                throw new InvalidOperationException("Campaigns:Tracking:Secret: give at least 32 random bytes in base64 (e.g. `openssl rand -base64 32`), the same on every host");
            options = new TrackingOptions { BaseUrl = uri, Secret = secret };
        }
        services.AddSingleton(options);
        services.AddScoped<TrackingServices>();
        return services;
    }
}

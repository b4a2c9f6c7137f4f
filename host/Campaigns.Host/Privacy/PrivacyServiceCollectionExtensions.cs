using Campaigns.Privacy;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the privacy settings from <c>Campaigns:Privacy</c>.</summary>
internal static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// <c>Campaigns:Privacy:Secret</c> (base64, at least 32 bytes, the same on every host): the key of erased customers'
    /// hashed ids. Unset: a generated secret kept in the database. A bad setting stops the host.
    /// </summary>
    public static IServiceCollection AddCampaignsPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        var options = PrivacyOptions.Generated;
        if (configuration["Campaigns:Privacy:Secret"] is { Length: > 0 } text)
        {
            byte[] secret;
            try { secret = Convert.FromBase64String(text); }
            catch (FormatException) { secret = []; }
            if (secret.Length < 32)
                throw new InvalidOperationException("Campaigns:Privacy:Secret: give at least 32 random bytes in base64 (e.g. `openssl rand -base64 32`), the same on every host, never changed");
            options = new PrivacyOptions { Secret = secret };
        }
        services.AddSingleton(options);
        return services;
    }
}

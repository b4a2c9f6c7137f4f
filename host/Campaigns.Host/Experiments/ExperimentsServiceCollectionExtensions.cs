using Campaigns.Experiments;

namespace Campaigns.Host.Experiments;

/// <summary>The host's experiment settings.</summary>
internal static class ExperimentsServiceCollectionExtensions
{
    /// <summary>
    /// The global control group from <c>Campaigns:Experiments:GlobalControl:Percent</c> (default 0: off) and <c>:Salt</c>
    /// (default <c>global-control</c>); every host of a deployment must use the same values, or customers would be held
    /// out on one host and messaged on another.
    /// </summary>
    public static IServiceCollection AddCampaignsExperiments(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Campaigns:Experiments:GlobalControl");
        var control = new GlobalControl(section.GetValue("Percent", 0.0), section["Salt"] ?? GlobalControl.DefaultSalt).Validated();
        return services.AddSingleton(control);
    }
}

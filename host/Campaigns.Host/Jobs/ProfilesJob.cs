using Campaigns.Profiles;
using Hangfire;

namespace Campaigns.Host.Jobs;

/// <summary>
/// Nightly: recomputes every customer's profile as of now, so windowed figures (orders in 90 days, days since the last
/// order) move with time even for customers with no new events. Touched customers are also updated within seconds by
/// <see cref="ProfileUpdateWorker"/>.
/// </summary>
public sealed class ProfilesJob(ProfileComputer profiles)
{
    /// <summary>Recomputes all profiles.</summary>
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Compute customer profiles")]
    public async Task<string> RunAsync(CancellationToken cancellationToken) =>
        $"computed {await profiles.ComputeAllAsync(null, cancellationToken)} profiles";
}

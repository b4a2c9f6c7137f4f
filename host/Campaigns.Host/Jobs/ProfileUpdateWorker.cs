using Campaigns.Profiles;

namespace Campaigns.Host.Jobs;

/// <summary>
/// Recomputes the profiles of customers touched by accepted writes, off the request path: waits for the queue, takes
/// every pending customer at once (coalescing bursts), recomputes them in bulk. A failure is logged and the nightly
/// job catches up.
/// </summary>
internal sealed class ProfileUpdateWorker(ProfileUpdateQueue queue, ProfileComputer profiles, ILogger<ProfileUpdateWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var customers = await queue.TakeAsync(stoppingToken);
                var written = await profiles.ComputeAsync(customers, stoppingToken);
                logger.LogDebug("Updated {Written} profiles of {Touched} touched customers", written, customers.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Profile update failed; the nightly recompute will catch up");
            }
        }
    }
}

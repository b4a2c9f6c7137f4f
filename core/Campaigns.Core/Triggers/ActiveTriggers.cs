using Campaigns.Campaign;
using Campaigns.Storage;
using Microsoft.Extensions.Logging;

namespace Campaigns.Triggers;

/// <summary>
/// The newest version of every trigger campaign, compiled, held in memory so matching costs no query. Reloaded when a
/// campaign is saved on this host and at least every <see cref="MaxAge"/> (saves on another host).
/// </summary>
public sealed class ActiveTriggers : IDisposable
{
    /// <summary>How stale the list may get when another host changes campaigns.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly ICampaignStore _store;
    private readonly CampaignService _campaigns;
    private readonly TimeProvider _time;
    private readonly ILogger<ActiveTriggers> _logger;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>Subscribes to saves on this host.</summary>
    public ActiveTriggers(ICampaignStore store, CampaignService campaigns, TimeProvider time, ILogger<ActiveTriggers> logger)
    {
        _store = store;
        _campaigns = campaigns;
        _time = time;
        _logger = logger;
        campaigns.Saved += _ => _snapshot = null;
    }

    /// <summary>The active trigger campaigns.</summary>
    public async ValueTask<IReadOnlyList<CompiledCampaign>> GetAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_snapshot is { } current && now - current.LoadedAt < MaxAge) return current.Campaigns;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } fresh && now - fresh.LoadedAt < MaxAge) return fresh.Campaigns;
            var list = new List<CompiledCampaign>();
            foreach (var stored in await _store.ListLatestAsync(cancellationToken))
            {
                try
                {
                    var campaign = await _campaigns.GetCompiledAsync(stored.Id, stored.Version, cancellationToken);
                    if (campaign.Definition.Trigger is not null) list.Add(campaign);
                }
                catch (CampaignDefinitionException ex)
                {
                    // A plugin one of its stages came from may be gone: that campaign does not trigger, the others do.
                    _logger.LogError("Trigger campaign {Campaign} v{Version} is inactive: {Errors}", stored.Id, stored.Version, ex.Message);
                }
            }
            _snapshot = new Snapshot(list, now);
            return list;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    private sealed record Snapshot(IReadOnlyList<CompiledCampaign> Campaigns, DateTimeOffset LoadedAt);
}

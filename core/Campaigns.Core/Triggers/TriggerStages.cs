using System.Collections.Concurrent;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Stages;
using Campaigns.Storage;

namespace Campaigns.Triggers;

/// <summary>
/// The prepared stages of each trigger campaign version, kept between micro-batches: preparing a recommender (popularity,
/// a model) per event is what makes the naive path slow. Rebuilt every <see cref="MaxAge"/> so the recommender sees new data.
/// </summary>
internal sealed class TriggerStages(StageContextFactory contexts, IInteractionReader interactions, ICustomerHistory history, TimeProvider time) : IAsyncDisposable
{
    /// <summary>Live models for the campaign's trainable stages, as at a scheduled run.</summary>
    public required Models.LiveModels Models { get; init; }

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly Dictionary<(string, int), Prepared> _prepared = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>When false, every call prepares the stages afresh (the naive baseline of <c>bench triggers</c>).</summary>
    public bool Reuse { get; init; } = true;

    public async Task<Prepared> GetAsync(CompiledCampaign campaign, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (_prepared.TryGetValue((campaign.Id, campaign.Version), out var cached) && now - cached.PreparedAt < MaxAge) return cached;
            if (cached is not null)
            {
                _prepared.Remove((campaign.Id, campaign.Version));
                await cached.Stages.DisposeAsync();
            }
            var stages = await PlanStages.CreateAsync(campaign, new CampaignRunInfo(campaign.Id, campaign.Version, "trigger"), contexts, Models, ct);
            var filtering = await RecommendationFiltering.CreateAsync(campaign.Definition.Recommender.Filters, interactions, history, now, ct);
            var prepared = new Prepared(stages, filtering, new ConcurrentDictionary<string, CatalogItem>(StringComparer.Ordinal), now);
            if (Reuse) _prepared[(campaign.Id, campaign.Version)] = prepared;
            return prepared;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Disposes what <see cref="GetAsync"/> returned when stages are not reused.</summary>
    public async ValueTask ReleaseAsync(Prepared prepared)
    {
        if (!Reuse) await prepared.Stages.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var prepared in _prepared.Values) await prepared.Stages.DisposeAsync();
        _prepared.Clear();
        _lock.Dispose();
    }

    /// <summary>A campaign version's stages, filters and catalogue cache.</summary>
    public sealed record Prepared(PlanStages Stages, RecommendationFiltering? Filtering, ConcurrentDictionary<string, CatalogItem> Items, DateTimeOffset PreparedAt);
}

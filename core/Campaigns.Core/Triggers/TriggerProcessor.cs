using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Campaigns.Tracking;
using Microsoft.Extensions.Logging;

namespace Campaigns.Triggers;

/// <summary>
/// Does one micro-batch of trigger work: per campaign, turns catalog moments into the customers who viewed or carted
/// the item, plans every moment, then applies the batch's cancel events. The worker calls it for what the queue holds;
/// the <c>trigger</c> verb and the replenishment job call it directly.
/// </summary>
public sealed class TriggerProcessor : IAsyncDisposable
{
    private static readonly string[] Engaged = [InteractionTypes.View, InteractionTypes.CartAdd];
    private readonly TriggerStages _stages;
    private readonly MomentPlanner _planner;
    private readonly ITriggerStore _store;
    private readonly ILogger<TriggerProcessor> _logger;

    /// <summary>The services of the scheduled planner, plus the trigger store.</summary>
    /// <param name="reuseStages">False prepares the campaign's stages for every call instead of keeping them: the naive baseline of <c>bench triggers</c>.</param>
    public TriggerProcessor(StageContextFactory contexts, ICatalogReader catalog, ICustomerReader customers, IInteractionReader interactions, ICustomerHistory history,
        ITriggerStore store, ILedgerStore ledger, Privacy.SuppressionCheck suppressions, LinkRewriter links, DeliveryPolicy policy, TimeProvider time, ILogger<TriggerProcessor> logger,
        IDecisionLog decisions, IAllocationStore allocations, Experiments.GlobalControl globalControl, Models.LiveModels models, TriggerPhases phases, bool reuseStages = true)
    {
        _stages = new TriggerStages(contexts, interactions, history, time) { Reuse = reuseStages, Models = models };
        _planner = new MomentPlanner(_stages, catalog, customers, store, ledger, suppressions, links, policy, time)
        {
            Decisions = decisions,
            Allocations = allocations,
            GlobalControl = globalControl,
            Phases = phases,
        };
        _store = store;
        _logger = logger;
    }

    /// <summary>Plans and cancels what <paramref name="work"/> asks; every row is committed when this returns.</summary>
    public async Task<TriggerResult> ProcessAsync(IReadOnlyList<TriggerWork> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var result = TriggerResult.Empty;
        foreach (var group in work.Where(w => w.Kind != TriggerWorkKind.Cancel).GroupBy(w => (w.Campaign.Id, w.Campaign.Version)))
        {
            var campaign = group.First().Campaign;
            try
            {
                var moments = await ExpandAsync([.. group], cancellationToken);
                if (moments.Count > 0) result = result.Add(await _planner.PlanAsync(campaign, moments, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One campaign's failure (a recommender that throws) must not stop the others; the events stay stored.
                _logger.LogError(ex, "Trigger campaign {Campaign} v{Version} failed on {Moments} moments", campaign.Id, campaign.Version, group.Count());
                result = result with { FailedCampaigns = new HashSet<string>(result.FailedCampaigns, StringComparer.Ordinal) { campaign.Id } };
            }
        }
        // Cancels come after planning so a purchase in the same batch as its cart still suppresses the cart's message.
        var cancels = work.Where(w => w.Kind == TriggerWorkKind.Cancel).Select(w => new TriggerCancel(w.Campaign.Id, w.CustomerId!,
            w.Campaign.Definition.Trigger!.CancelMatch == CancelMatch.Item ? w.ItemId : null, w.At, "cancelled:" + w.EventType)).ToList();
        if (cancels.Count > 0) result = result with { Cancelled = await _store.CancelAsync(cancels, cancellationToken) };
        return result;
    }

    /// <summary>
    /// Turns each catalog moment of <paramref name="work"/> into a moment of every customer who viewed or carted the item
    /// within the campaign's lookback; the other work is returned as it is.
    /// </summary>
    public async Task<IReadOnlyList<TriggerWork>> ExpandAsync(IReadOnlyList<TriggerWork> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var expanded = new List<TriggerWork>(work.Count);
        foreach (var item in work)
        {
            if (item.Kind != TriggerWorkKind.ItemMoment) { expanded.Add(item); continue; }
            var since = item.At - TimeSpan.FromDays(item.Campaign.Definition.Trigger!.LookbackDays);
            var customers = await _store.EngagedWithAsync(item.ItemId, Engaged, since, cancellationToken);
            expanded.AddRange(customers.Select(c => item with { Kind = TriggerWorkKind.Moment, CustomerId = c }));
        }
        return expanded;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _stages.DisposeAsync();
}

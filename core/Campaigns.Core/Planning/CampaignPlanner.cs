using System.Collections.Concurrent;
using System.Diagnostics;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Experiments;
using Campaigns.Models;
using Campaigns.Scheduling;
using Campaigns.Stages;
using Campaigns.Storage;
using Campaigns.Tracking;
using Microsoft.Extensions.Logging;

namespace Campaigns.Planning;

/// <summary>
/// Plans one occurrence of a campaign: audience → consent and rules → recommendations → render → send time → ledger
/// rows, batch by batch, batches in parallel (one per core). Rows are inserted with their deterministic key, so
/// planning an occurrence again adds nothing. Sending is the dispatcher's job. The recommender's lists go through the
/// campaign's <see cref="RecommendationFilters"/>, if any, whatever the recommender. Customers are placed in the global
/// control, the campaign's holdout or a variant (<see cref="VariantAssigner"/>), and every decision taken for them is
/// appended to the <see cref="IDecisionLog"/> right after their batch is in the ledger.
/// </summary>
public sealed class CampaignPlanner(StageContextFactory contexts, ICatalogReader catalog, IInteractionReader interactions, ICustomerHistory history,
    ILedgerStore ledger, Privacy.SuppressionCheck suppressions, LinkRewriter links, DeliveryPolicy policy, TimeProvider time, ILogger<CampaignPlanner> logger,
    IDecisionLog decisions, IAllocationStore allocations, GlobalControl globalControl, LiveModels models)
{
    /// <summary>Customers per batch handed to stages.</summary>
    public int BatchSize { get; init; } = 2_000;

    /// <summary>Plans <paramref name="occurrence"/> of <paramref name="campaign"/>.</summary>
    public async Task<PlanResult> PlanAsync(CompiledCampaign campaign, Occurrence occurrence, PlanMode mode, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var run = new CampaignRunInfo(campaign.Id, campaign.Version, occurrence.Id);
        var stages = await PlanStages.CreateAsync(campaign, run, contexts, models, cancellationToken);
        await using var _ = stages;
        var tally = new PlanTally();
        var items = new ConcurrentDictionary<string, CatalogItem>();
        var now = time.GetUtcNow();
        var earliest = occurrence.Start > now ? occurrence.Start : now;
        var scheduler = new SlotScheduler(campaign.Definition.Delivery, policy, stages.ChannelKind);
        var placement = new LedgerPlacement(scheduler, stages.ChannelKind, earliest, mode, run);
        var assigner = await VariantAssigner.CreateAsync(campaign.Definition, globalControl, allocations, cancellationToken);
        var filtering = await RecommendationFiltering.CreateAsync(campaign.Definition.Recommender.Filters, interactions, history, now, cancellationToken);

        var audience = new TimedAsyncEnumerable<IReadOnlyList<Customer>>(stages.Audience.SelectAsync(new AudienceRequest(BatchSize), cancellationToken));
        await Parallel.ForEachAsync(audience,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                var planner = new BatchPlanner(campaign, run, stages, assigner, catalog, items, placement, earliest, scheduler.Deadline(earliest), filtering, suppressions, links)
                {
                    Exploration = campaign.Definition.TimingExploration is { } share
                        ? new SlotExploration(share, run, earliest, scheduler.Deadline(earliest), contexts.Profiles)
                        : null,
                };
                var plan = await planner.PlanAsync(batch, tally, ct);
                var planned = Stopwatch.GetTimestamp();
                var (rows, inserted) = await placement.InsertAsync(plan, ledger, ct);
                var written = Stopwatch.GetTimestamp();
                tally.Record(rows, inserted);
                tally.Time(TimeSpan.Zero, Stopwatch.GetElapsedTime(started, planned), Stopwatch.GetElapsedTime(planned, written));
                // After the ledger write: a row that is in the ledger has its decisions once this returns; a re-run
                // appends nothing new for rows already logged (the log keeps the first of each delivery key and kind).
                await decisions.AppendAsync(DecisionEntries.For(rows, plan.Assignments, stages, run, now, plan.Slots), ct);
                tally.DecisionLog(Stopwatch.GetElapsedTime(written));
            });
        tally.Time(audience.Waited, TimeSpan.Zero, TimeSpan.Zero);

        var result = tally.ToResult(run, watch.Elapsed) with { RecommenderModel = stages.RecommenderModel, TimingModel = stages.TimingModel, AudienceModel = stages.AudienceModel };
        logger.LogInformation("Planned {Campaign} v{Version} occurrence {Occurrence}: audience {Audience}, planned {Planned}, already in ledger {Existing}, suppressed {Suppressed}, failed {Failed} in {Elapsed}",
            campaign.Id, campaign.Version, occurrence.Id, result.Audience, result.Planned, result.AlreadyInLedger, result.Suppressed.Values.Sum(), result.Failed, result.Elapsed);
        return result;
    }
}

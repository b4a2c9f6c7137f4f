using System.Collections.Concurrent;
using Campaigns.Stages;
using Campaigns.Storage;

namespace Campaigns.Planning;

/// <summary>Thread-safe counters of one planning run.</summary>
internal sealed class PlanTally
{
    private readonly ConcurrentDictionary<string, long> _suppressed = new();
    private readonly ConcurrentDictionary<DateTimeOffset, byte> _slots = new();
    private long _audience, _planned, _existing, _failed;
    private long _audienceTicks, _pipelineTicks, _ledgerTicks, _decisionTicks;

    public void Time(TimeSpan audience, TimeSpan pipeline, TimeSpan ledger)
    {
        Interlocked.Add(ref _audienceTicks, audience.Ticks);
        Interlocked.Add(ref _pipelineTicks, pipeline.Ticks);
        Interlocked.Add(ref _ledgerTicks, ledger.Ticks);
    }

    public void DecisionLog(TimeSpan elapsed) => Interlocked.Add(ref _decisionTicks, elapsed.Ticks);

    public void Audience(int count) => Interlocked.Add(ref _audience, count);

    public void Record(IReadOnlyList<LedgerEntry> rows, int inserted)
    {
        long planned = 0, failed = 0;
        foreach (var row in rows)
        {
            switch (row.State)
            {
                case DeliveryState.Planned:
                    planned++;
                    _slots.TryAdd(new DateTimeOffset(row.SendAt.UtcTicks - row.SendAt.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero), 0);
                    break;
                case DeliveryState.Suppressed:
                    _suppressed.AddOrUpdate(ReasonCode(row.Reason), 1, (_, n) => n + 1);
                    break;
                case DeliveryState.Failed:
                    failed++;
                    break;
            }
        }
        // Rows already in the ledger were left untouched: count them apart so a re-run reports 0 newly planned.
        var existing = rows.Count - inserted;
        Interlocked.Add(ref _existing, existing);
        Interlocked.Add(ref _planned, Math.Max(0, planned - existing));
        Interlocked.Add(ref _failed, failed);
    }

    public PlanResult ToResult(CampaignRunInfo run, TimeSpan elapsed) => new(run.CampaignId, run.CampaignVersion, run.Occurrence,
        _audience, _planned, _existing, new Dictionary<string, long>(_suppressed), _failed, [.. _slots.Keys.Order()], elapsed,
        new PlanPhases(TimeSpan.FromTicks(_audienceTicks), TimeSpan.FromTicks(_pipelineTicks), TimeSpan.FromTicks(_ledgerTicks))
        {
            DecisionLog = TimeSpan.FromTicks(_decisionTicks),
        });

    // Reasons may carry detail after a colon's second part (e.g. "render-error: ..."); tally by the code.
    private static string ReasonCode(string? reason) => reason is null ? "unknown" : reason.Split(' ', 2)[0];
}

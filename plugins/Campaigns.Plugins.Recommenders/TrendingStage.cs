using Campaigns.Data;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Plugins.Shared;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// Recommends the items with the most time-decayed activity in the window. The ranking is computed once in
/// <see cref="PrepareAsync"/> from one read of the window's events; everyone shares it, so batches cost nothing.
/// </summary>
internal sealed class TrendingStage(StageContext context, TrendingOptions options) : IRecommenderStage
{
    private const string Reason = "trending";
    private Recommendation[]? _ranked;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var (window, log) = await EventWindow.ChooseAsync(context.Interactions, options.Anchor, context.Time.GetUtcNow(), options.WindowDays, options.EventTypes,
            async w => { var read = await EventLog.ReadAsync(context.Interactions, w.Query(options.EventTypes), _ => 1, cancellationToken); return (read, read.Count == 0); },
            cancellationToken);

        var scores = new double[log.Items.Count];
        var halfLife = options.HalfLifeDays * TimeSpan.TicksPerDay;
        for (var e = 0; e < log.Count; e++) scores[log.Item[e]] += Math.Pow(0.5, (window.Until.UtcTicks - log.Ticks[e]) / halfLife);
        _ranked = [.. Enumerable.Range(0, log.Items.Count)
            .OrderByDescending(i => scores[i]).ThenBy(i => log.Items[i], StringComparer.Ordinal)
            .Select(i => new Recommendation(log.Items[i], scores[i], Reason))];
        context.Logger.LogInformation("trending: {Count} items over {Since:o}..{Until:o}", _ranked.Length, window.Since, window.Until);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_ranked is null) await PrepareAsync(cancellationToken);
        // One list per call, shared by every customer of the batch.
        IReadOnlyList<Recommendation> list = [.. _ranked!.Where(r => r.ItemId != request.TriggerItemId).Take(Math.Max(0, request.Count))];
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        Array.Fill(lists, list);
        return lists;
    }
}

using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Plugins.Ranking.Candidates;

/// <summary>
/// The shop as it was at an earlier instant: a stage built over <see cref="Context"/> sees only the events before
/// <c>cutoff</c> and a clock stopped there, exactly as the offline evaluation builds stages at a split.
/// </summary>
internal static class AsOf
{
    /// <summary>A copy of <paramref name="context"/> whose events end at <paramref name="cutoff"/> (exclusive) and whose clock says <paramref name="cutoff"/>.</summary>
    public static StageContext Context(StageContext context, DateTimeOffset cutoff) => new()
    {
        Customers = context.Customers,
        Catalog = context.Catalog,
        Interactions = new Reader(context.Interactions, cutoff),
        Time = new StoppedClock(cutoff),
        Logger = context.Logger,
        Run = context.Run,
        DataFolder = context.DataFolder,
    };

    /// <summary>Every query's upper bound becomes at most the cutoff; aggregates then run over the earlier events only.</summary>
    private sealed class Reader(IInteractionReader inner, DateTimeOffset cutoff) : IInteractionReader
    {
        public IAsyncEnumerable<IReadOnlyList<Interaction>> ReadAsync(InteractionQuery query, int batchSize, CancellationToken cancellationToken) =>
            inner.ReadAsync(Clamp(query), batchSize, cancellationToken);

        public Task<IReadOnlyList<ItemActivity>> CountByItemAsync(InteractionQuery query, int top, CancellationToken cancellationToken) =>
            inner.CountByItemAsync(Clamp(query), top, cancellationToken);

        public IAsyncEnumerable<IReadOnlyList<CustomerActivity>> CountByCustomerAsync(InteractionQuery query, int batchSize, CancellationToken cancellationToken) =>
            inner.CountByCustomerAsync(Clamp(query), batchSize, cancellationToken);

        private InteractionQuery Clamp(InteractionQuery query) =>
            query with { Until = query.Until is { } until && until < cutoff ? until : cutoff };
    }

    /// <summary>A clock that always says the same instant; elapsed-time measurements still use the real stopwatch.</summary>
    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using Campaigns.Storage;

namespace Campaigns.Host.Bench;

/// <summary>The baseline of <c>bench decisions</c>: a decision log that takes every decision and keeps none.</summary>
internal sealed class NoDecisionLog : IDecisionLog
{
    public static readonly NoDecisionLog Instance = new();

    public Task AppendAsync(IReadOnlyList<LoggedDecision> decisions, CancellationToken cancellationToken) => Task.CompletedTask;

    public IAsyncEnumerable<IReadOnlyList<LoggedOutcome>> ReadAsync(string campaignId, string? kind, int batchSize, CancellationToken cancellationToken) =>
        AsyncEnumerable.Empty<IReadOnlyList<LoggedOutcome>>();
}

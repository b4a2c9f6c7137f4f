using Campaigns.Scheduling;
using Campaigns.Storage;

namespace Campaigns.Delivery;

/// <summary>
/// Sends a claimed batch to a rate-limited provider in small chunks, each at the last of its permits from the shared
/// <see cref="IProviderPace"/>, so that no one-second interval sees more than the provider's rate from all hosts together.
/// </summary>
/// <remarks>
/// Why the spacing is wider than 1/rate: a chunk leaves at its last permit plus a little lateness (at most
/// <see cref="Slack"/>/2, else its permits are dropped and new ones taken) and reaches the provider within about as much
/// again. Permits are therefore (1 + Slack) / (rate − chunk + 1) seconds apart, which keeps any one-second window of
/// arrivals, stretched by that lateness and by a chunk's own span, to at most rate messages.
/// </remarks>
internal sealed class ProviderPacer(IProviderPace pace, ILedgerStore ledger, TimeProvider time, DispatchOptions options)
{
    private const double Slack = 0.1;

    public async Task<(List<LedgerCompletion> Done, int Released)> SendAsync(string provider, ProviderLimit limit, List<LedgerEntry> rows,
        DateTimeOffset claimedAt, Func<List<LedgerEntry>, Task<SendOutcome>> send, CancellationToken ct)
    {
        // 20 ms of the rate per chunk: few round trips to the pace row at high rates, one message at a time at low ones.
        var chunk = Math.Max(1, (int)(limit.RatePerSecond / 50));
        var spacing = TimeSpan.FromSeconds((1 + Slack) / Math.Max(1, limit.RatePerSecond - chunk + 1));
        var mustFinishBy = claimedAt + options.Lease / 2;
        var done = new List<LedgerCompletion>(rows.Count);
        var next = 0;
        while (next < rows.Count)
        {
            var part = rows.GetRange(next, Math.Min(chunk, rows.Count - next));
            var first = await pace.ReserveAsync(provider, part.Count, spacing, time.GetUtcNow(), ct);
            var last = first + spacing * (part.Count - 1);
            if (last > mustFinishBy)
            {
                // The provider is booked beyond this claim's lease: hand the rest back rather than hold it past the lease
                // (another host would then take it and send it twice).
                var rest = rows.Skip(next).Select(r => r.Key).ToList();
                await ledger.ReleaseAsync(rest, last, ct);
                return (done, rest.Count);
            }
            var wait = last - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
            if (time.GetUtcNow() - last > TimeSpan.FromSeconds(Slack / 2)) continue; // too late for these permits: take fresh ones
            var outcome = await send(part);
            done.AddRange(outcome.Completions);
            if (outcome.PauseUntil is { } until) await pace.PauseAsync(provider, until, ct);
            next += part.Count;
        }
        return (done, 0);
    }
}

/// <summary>What one send to a channel came to: the ledger outcomes, and until when the provider asked to be left alone.</summary>
internal sealed record SendOutcome(List<LedgerCompletion> Completions, DateTimeOffset? PauseUntil);

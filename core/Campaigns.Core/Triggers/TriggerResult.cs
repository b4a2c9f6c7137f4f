namespace Campaigns.Triggers;

/// <summary>What one micro-batch of trigger work did.</summary>
/// <param name="Planned">New ledger rows ready to send.</param>
/// <param name="AlreadyInLedger">Moments whose row existed (the same event again, or another host was first).</param>
/// <param name="Suppressed">New rows not to be sent, by reason (<c>cooldown:24h</c>, <c>cancelled:purchase</c>, <c>no-consent:email</c>...).</param>
/// <param name="Cancelled">Planned rows a cancel event suppressed.</param>
/// <param name="Ignored">Moments not planned at all: too late (past <c>maxLateHours</c>) or of an unknown customer.</param>
public sealed record TriggerResult(long Planned, long AlreadyInLedger, IReadOnlyDictionary<string, long> Suppressed, long Cancelled, long Ignored)
{
    /// <summary>Nothing done.</summary>
    public static TriggerResult Empty { get; } = new(0, 0, new Dictionary<string, long>(), 0, 0);

    /// <summary>Campaigns whose planning failed in this batch (their work is not in the ledger; the worker keeps their watermark).</summary>
    public IReadOnlySet<string> FailedCampaigns { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Both results added up.</summary>
    public TriggerResult Add(TriggerResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var suppressed = new Dictionary<string, long>(Suppressed);
        foreach (var (reason, count) in other.Suppressed) suppressed[reason] = suppressed.GetValueOrDefault(reason) + count;
        return new TriggerResult(Planned + other.Planned, AlreadyInLedger + other.AlreadyInLedger, suppressed, Cancelled + other.Cancelled, Ignored + other.Ignored)
        {
            FailedCampaigns = FailedCampaigns.Union(other.FailedCampaigns, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"planned {Planned:N0}, already in ledger {AlreadyInLedger:N0}, suppressed {Suppressed.Values.Sum():N0}" +
        (Suppressed.Count == 0 ? "" : " (" + string.Join(", ", Suppressed.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:N0}")) + ")") +
        $", cancelled {Cancelled:N0}, ignored {Ignored:N0}";
}

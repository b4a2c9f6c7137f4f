namespace Campaigns.Learning.OffPolicy.Timing;

/// <summary>
/// The candidate hour with the highest posterior mean of the customer's activity share: θ(h) = (β·P(h) + n(h)) / (β + N),
/// with P the audience's hour profile (fitted from the whole log) and n the customer's own counts. β = 0 is the
/// customer's own busiest hour (<c>most-active</c>; a customer with no activity gets the audience's); a larger β pulls
/// sparse customers toward the audience, as <c>bayes-hour-of-week</c>'s posterior mean does on its day-type level.
/// </summary>
internal sealed class BusiestHour(double strength, string description) : TimingCandidate
{
    /// <summary>Pseudo-events of the audience profile when none is given.</summary>
    public const double DefaultStrength = 10;

    private double[] _audience = new double[24];

    public override string Describe() => description;

    public override void Prepare(IReadOnlyList<LoggedChoice> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var totals = new double[24];
        foreach (var choice in log)
            if (SlotFeatures.ReadActivity(choice.Features) is { } activity)
                for (var h = 0; h < 24; h++) totals[h] += activity[h];
        var sum = totals.Sum();
        _audience = sum > 0 ? [.. totals.Select(t => t / sum)] : [.. totals.Select(_ => 1.0 / 24)];
    }

    protected override int Choose(IReadOnlyList<int> options, double[]? activity)
    {
        var n = activity?.Sum() ?? 0;
        // Without own activity the audience decides whatever the strength; own ties go to the audience's busier hour, then the earliest.
        var weight = n > 0 ? strength : 1;
        return options.MaxBy(h => (weight + 1e-9) * _audience[h] + (n > 0 ? activity![h] : 0));
    }
}

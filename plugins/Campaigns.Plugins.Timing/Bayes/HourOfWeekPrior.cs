using Campaigns.Plugins.Timing.History;
using Campaigns.Plugins.Timing.Slots;

namespace Campaigns.Plugins.Timing.Bayes;

/// <summary>
/// The population's rhythm and the two prior strengths of the per-customer model, fitted from the data.
/// </summary>
/// <remarks>
/// Two nested Dirichlet levels. A customer's day-type profile (weekday and weekend hours, 48 slots) is shrunk toward
/// the population's: q(t) = (α·T(t) + a(t)) / (α + A). Their hour-of-week distribution (168 slots) is shrunk toward
/// that profile spread over the days as the population spreads it, m(s) = q(t(s))·P(s)/T(t(s)):
/// posterior Dirichlet(β·m + n), mean θ(s) = (β·m(s) + n(s)) / (β + N). With no history θ = P, the population's
/// hour of week; with much history θ is the customer's own counts. α and β are not set by hand but fitted on the data
/// (empirical Bayes, held out in time, <see cref="HeldOut"/>): the moments of the last quarter of the history are
/// predicted from the rest, and the strengths whose chosen hours hit most of them win. Where personal habits carry
/// little signal (a B2B shop) the fit gives strong priors, where they are strong (consumers) weak ones.
/// </remarks>
internal sealed class HourOfWeekPrior
{
    private HourOfWeekPrior(double[] population, double[] dayType, double alpha, double beta)
    {
        Population = population;
        DayTypeShare = dayType;
        Alpha = alpha;
        Beta = beta;
    }

    /// <summary>P: the population's share of weighted moments per hour-of-week slot (smoothed, sums to 1).</summary>
    public double[] Population { get; }

    /// <summary>T: P summed per day-type slot.</summary>
    public double[] DayTypeShare { get; }

    /// <summary>α: how many moments the population's day-type profile is worth to a customer.</summary>
    public double Alpha { get; }

    /// <summary>β: how many moments the customer's own day-type profile is worth to their hour of week.</summary>
    public double Beta { get; }

    /// <summary>The customer's posterior Dirichlet parameters β·m(s) + n(s) over the 168 slots.</summary>
    public double[] Posterior(SlotCounts counts)
    {
        var q = new double[HourOfWeek.DayTypeSlots];
        for (var t = 0; t < q.Length; t++) q[t] = (Alpha * DayTypeShare[t] + counts.DayType[t]) / (Alpha + counts.Total);
        var c = new double[HourOfWeek.Slots];
        for (var s = 0; s < c.Length; s++)
        {
            var t = HourOfWeek.DayType(s);
            c[s] = Beta * q[t] * Population[s] / DayTypeShare[t] + counts.Week[s];
        }
        return c;
    }

    /// <summary>
    /// One posterior draw of θ at <paramref name="slots"/>, through both levels: q ~ Dirichlet(α·T + a) over the day-type
    /// slots, then θ(s) ∝ Gamma(β·m_q(s) + n(s)). Drawing the day-type level too matters: with a large β the
    /// hour-of-week level alone is nearly certain, and the uncertainty that exploration needs sits in q. Values are
    /// unnormalised Gamma draws (the Dirichlet's common normaliser does not change which slot is largest).
    /// </summary>
    public double[] Sample(SlotCounts counts, IReadOnlyList<int> slots, Random random)
    {
        var q = new double[HourOfWeek.DayTypeSlots];
        var sum = 0.0;
        for (var t = 0; t < q.Length; t++) sum += q[t] = Thompson.Gamma(Alpha * DayTypeShare[t] + counts.DayType[t], random);
        var values = new double[slots.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var s = slots[i];
            var t = HourOfWeek.DayType(s);
            values[i] = Thompson.Gamma(Beta * (q[t] / sum) * Population[s] / DayTypeShare[t] + counts.Week[s], random);
        }
        return values;
    }

    /// <summary>The artefact format of a stored prior; bump the number when the layout changes.</summary>
    public const string Format = "bayes-hour-of-week/1";

    /// <summary>The prior as an artefact: the format, α, β, then P (168 values); T is derived from P.</summary>
    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Format);
            writer.Write(Alpha);
            writer.Write(Beta);
            foreach (var p in Population) writer.Write(p);
        }
        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">Not a prior of this format, or damaged.</exception>
    public static HourOfWeekPrior Read(byte[] artefact)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(artefact, writable: false));
            if (reader.ReadString() is var format && format != Format) throw new InvalidDataException($"expected a model of format {Format}, got {format}");
            var (alpha, beta) = (reader.ReadDouble(), reader.ReadDouble());
            var population = new double[HourOfWeek.Slots];
            for (var s = 0; s < population.Length; s++) population[s] = reader.ReadDouble();
            if (!(alpha > 0 && beta > 0) || population.Any(p => !(p > 0))) throw new InvalidDataException("the stored prior has non-positive values");
            return new HourOfWeekPrior(population, DayTypes(population), alpha, beta);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("the stored prior is truncated", ex);
        }
    }

    private static double[] DayTypes(double[] population)
    {
        var dayType = new double[HourOfWeek.DayTypeSlots];
        for (var s = 0; s < population.Length; s++) dayType[HourOfWeek.DayType(s)] += population[s];
        return dayType;
    }

    /// <summary>Fits P, α and β on the log (at most <paramref name="maxCustomers"/> customers, spread over ids, for the strengths).</summary>
    public static HourOfWeekPrior Fit(ActivityLog log, int maxCustomers)
    {
        var customers = log.All().Select(c => SlotCounts.Of(c.Events)).ToList();
        var totals = new double[HourOfWeek.Slots];
        foreach (var c in customers) for (var s = 0; s < totals.Length; s++) totals[s] += c.Week[s];
        // One weighted moment spread evenly keeps every slot possible, so no posterior is ever degenerate.
        var sum = totals.Sum() + 1;
        var population = totals.Select(t => (t + 1.0 / HourOfWeek.Slots) / sum).ToArray();
        var dayType = DayTypes(population);

        var sample = Sample(log, maxCustomers);
        if (sample.Count == 0) return new HourOfWeekPrior(population, dayType, StrengthFit.Max, StrengthFit.Max); // nothing to learn from: the population decides
        // α first with the hour-of-week level switched off (β at its largest), then β given α.
        var alpha = StrengthFit.Maximise(a => HeldOut.DayHits(sample, population, dayType, a, StrengthFit.Max));
        var beta = StrengthFit.Maximise(b => HeldOut.DayHits(sample, population, dayType, alpha, b));
        return new HourOfWeekPrior(population, dayType, alpha, beta);
    }

    /// <summary>
    /// The held-out cut of every customer (or of every k-th one, when there are more than <paramref name="maxCustomers"/>
    /// with moments on both sides): the last quarter of the span the log covers is the future.
    /// </summary>
    private static List<HeldOut> Sample(ActivityLog log, int maxCustomers)
    {
        var all = log.All().Select(c => c.Events).ToList();
        if (all.Count == 0) return [];
        var first = all.Min(e => e[0].At);
        var last = all.Max(e => e[^1].At);
        var cut = last - (last - first) / 4;
        var held = HeldOut.Split(all, cut);
        if (held.Count <= maxCustomers) return held;
        var step = (double)held.Count / maxCustomers;
        return [.. Enumerable.Range(0, maxCustomers).Select(i => held[(int)(i * step)])];
    }
}

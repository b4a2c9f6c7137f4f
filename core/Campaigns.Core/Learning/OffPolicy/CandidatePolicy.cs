using System.Globalization;

namespace Campaigns.Learning.OffPolicy;

/// <summary>A policy to evaluate from the log: the probability it would take each action in a context.</summary>
public abstract class CandidatePolicy
{
    /// <summary>The probability of <paramref name="action"/> in <paramref name="cell"/>.</summary>
    public abstract double Probability(string action, string? cell);

    /// <summary>
    /// The probability of <paramref name="action"/> for the decision <paramref name="choice"/> was; by default from its
    /// cell alone. Candidates that score the customer (timing strategies) read the choice's options and features.
    /// </summary>
    public virtual double Probability(LoggedChoice choice, string action)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return Probability(action, choice.Cell);
    }

    /// <summary>The actions this candidate could take for <paramref name="choice"/>; by default every action the log took.</summary>
    public virtual IEnumerable<string> ActionsFor(LoggedChoice choice, IReadOnlyList<string> logged)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return logged;
    }

    /// <summary>The cell the doubly robust reward model keys <paramref name="action"/> on for this decision; by default the choice's cell.</summary>
    public virtual string? RewardCell(LoggedChoice choice, string action)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Cell;
    }

    /// <summary>Learns what the candidate needs from the whole log before it is asked (an audience prior); nothing by default.</summary>
    public virtual void Prepare(IReadOnlyList<LoggedChoice> log)
    {
    }

    /// <summary>How the policy reads in a report.</summary>
    public abstract string Describe();

    /// <summary>Always the same action.</summary>
    public static CandidatePolicy Always(string action) => new Split(new Dictionary<string, double>(StringComparer.Ordinal) { [action] = 1 }, $"always {action}");

    /// <summary>A fixed split; shares are normalised so <c>a=1,b=3</c> means 25%/75%.</summary>
    public static CandidatePolicy FixedSplit(IReadOnlyDictionary<string, double> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0 || shares.Values.Any(s => s < 0 || double.IsNaN(s)) || shares.Values.Sum() <= 0)
            throw new ArgumentException("a split needs at least one action and shares that are not negative and not all zero");
        var total = shares.Values.Sum();
        var normalised = shares.ToDictionary(kv => kv.Key, kv => kv.Value / total, StringComparer.Ordinal);
        return new Split(normalised, "split " + string.Join(",", normalised.Select(kv => $"{kv.Key}={kv.Value.ToString("0.###", CultureInfo.InvariantCulture)}")));
    }

    /// <summary>Parses <c>a=0.2,b=0.8</c>; the message names the part that is wrong.</summary>
    public static CandidatePolicy ParseSplit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share < 0)
                throw new ArgumentException($"'{part}' is not action=share (for example a=0.2)");
            if (!shares.TryAdd(part[..eq].Trim(), share)) throw new ArgumentException($"action '{part[..eq].Trim()}' is named twice");
        }
        return FixedSplit(shares);
    }

    private sealed class Split(IReadOnlyDictionary<string, double> shares, string description) : CandidatePolicy
    {
        public override double Probability(string action, string? cell) => shares.GetValueOrDefault(action);
        public override string Describe() => description;
    }
}

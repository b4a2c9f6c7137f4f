using System.Globalization;

namespace Campaigns.Learning.OffPolicy;

/// <summary>
/// Estimates a candidate policy's value from logged decisions by IPS, self-normalised IPS and doubly robust, each with a
/// normal-approximation interval over its per-decision terms, and checks the log can support the estimate at all.
/// </summary>
public static class OffPolicyEstimator
{
    /// <summary>Pseudo-decisions by which a (action, cell) reward mean is shrunk toward its action's mean: small cells stay sane.</summary>
    private const double CellShrinkage = 10;

    /// <summary>Estimates <paramref name="candidate"/>'s value from <paramref name="log"/> at <paramref name="confidence"/>.</summary>
    public static OffPolicyEstimate Estimate(IReadOnlyList<LoggedChoice> log, CandidatePolicy candidate, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(candidate);
        if (log.Count == 0) throw new ArgumentException("the log holds no decisions to evaluate");
        for (var i = 0; i < log.Count; i++)
        {
            if (!(log[i].Propensity > 0 && log[i].Propensity <= 1))
                throw new ArgumentException($"decision {i} ('{log[i].Action}'): propensity {log[i].Propensity} must be more than 0 and at most 1");
        }

        candidate.Prepare(log);
        var model = RewardModel.Fit(log, candidate);
        var logged = new Moments();
        var ips = new Moments();
        var dr = new Moments();
        var weights = new Moments();
        double sumW = 0, sumW2 = 0, sumWr = 0;
        foreach (var choice in log)
        {
            var w = candidate.Probability(choice, choice.Action) / choice.Propensity;
            logged.Add(choice.Reward);
            ips.Add(w * choice.Reward);
            weights.Add(w);
            (sumW, sumW2, sumWr) = (sumW + w, sumW2 + w * w, sumWr + w * choice.Reward);
            var direct = candidate.ActionsFor(choice, model.Actions).Sum(a => candidate.Probability(choice, a) * model.Predict(a, candidate.RewardCell(choice, a)));
            dr.Add(direct + w * (choice.Reward - model.Predict(choice.Action, candidate.RewardCell(choice, choice.Action))));
        }

        var snips = sumW > 0 ? sumWr / sumW : 0;
        // Delta method for a ratio of means: the terms w·(r − ŝ) over n·mean(w)².
        var snipsTerms = new Moments();
        foreach (var choice in log)
        {
            var w = candidate.Probability(choice, choice.Action) / choice.Propensity;
            snipsTerms.Add(w * (choice.Reward - snips));
        }
        var snipsSe = weights.Mean > 0 ? Math.Sqrt(snipsTerms.Variance / log.Count) / weights.Mean : double.PositiveInfinity;
        var ess = sumW2 > 0 ? sumW * sumW / sumW2 : 0;
        return new OffPolicyEstimate(candidate.Describe(), log.Count, Around(logged, confidence), Around(ips, confidence),
            Around(snips, snipsSe, confidence), Around(dr, confidence), weights.Mean, ess,
            Diagnose(log, candidate, model, weights, ess, confidence));
    }

    private static List<string> Diagnose(IReadOnlyList<LoggedChoice> log, CandidatePolicy candidate, RewardModel model, Moments weights, double ess, double confidence)
    {
        var warnings = new List<string>();
        // Per decision, what the candidate would put on actions no decision ever took (variants: the same for every decision of a cell).
        var unsupported = log.DistinctBy(c => (c.Cell, c.Options, c.Features)).Max(c =>
            1 - candidate.ActionsFor(c, model.Actions).Where(model.Knows).Sum(a => candidate.Probability(c, a)));
        if (unsupported > 1e-9)
            warnings.Add($"the candidate puts {(unsupported * 100).ToString("0.0", CultureInfo.InvariantCulture)}% of its choices on actions the log never took: no estimator can value them");
        // With correct propensities E[w] = Σ π(a) = 1 exactly; a mean weight far from 1 means the logged propensities are not
        // the probabilities the actions were really chosen with, and every weighted estimate is off by as much.
        var z = Normal.Quantile(0.5 + confidence / 2);
        var se = Math.Sqrt(weights.Variance / weights.Count);
        if (Math.Abs(weights.Mean - 1) > Math.Max(0.05, 2 * z * se))
            warnings.Add($"the mean importance weight is {weights.Mean.ToString("0.000", CultureInfo.InvariantCulture)}, not 1: the logged propensities do not match how the actions were chosen; IPS and DR are not to be trusted");
        if (ess < 0.05 * log.Count)
            warnings.Add($"effective sample size {ess.ToString("N0", CultureInfo.InvariantCulture)} of {log.Count.ToString("N0", CultureInfo.InvariantCulture)} decisions: the candidate differs so much from the logging policy that the estimate rests on few decisions");
        return warnings;
    }

    private static Interval Around(Moments terms, double confidence) =>
        Around(terms.Mean, Math.Sqrt(terms.Variance / Math.Max(1, terms.Count)), confidence);

    private static Interval Around(double estimate, double standardError, double confidence)
    {
        var z = Normal.Quantile(0.5 + confidence / 2);
        return new Interval(estimate, estimate - z * standardError, estimate + z * standardError);
    }

    /// <summary>Mean reward per (action, cell), shrunk toward the action's mean: the doubly robust estimator's direct part.</summary>
    private sealed class RewardModel
    {
        private readonly Dictionary<string, (double Sum, long Count)> _action = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string?), (double Sum, long Count)> _cell = [];

        public List<string> Actions { get; } = [];

        private double _overall;

        public static RewardModel Fit(IReadOnlyList<LoggedChoice> log, CandidatePolicy candidate)
        {
            var model = new RewardModel();
            foreach (var c in log)
            {
                if (!model._action.TryGetValue(c.Action, out var a)) model.Actions.Add(c.Action);
                model._action[c.Action] = (a.Sum + c.Reward, a.Count + 1);
                var key = (c.Action, candidate.RewardCell(c, c.Action));
                var cell = model._cell.GetValueOrDefault(key);
                model._cell[key] = (cell.Sum + c.Reward, cell.Count + 1);
                model._overall += c.Reward;
            }
            model._overall /= Math.Max(1, log.Count);
            return model;
        }

        public bool Knows(string action) => _action.ContainsKey(action);

        public double Predict(string action, string? cell)
        {
            // An action the log never took (a send hour nobody got) is predicted at the log's mean: the best guess without data.
            var (sum, count) = _action.GetValueOrDefault(action);
            var mean = count == 0 ? _overall : sum / count;
            var (cellSum, cellCount) = _cell.GetValueOrDefault((action, cell));
            return (cellSum + CellShrinkage * mean) / (cellCount + CellShrinkage);
        }
    }
}

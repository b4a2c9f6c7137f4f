using Campaigns.Learning.OffPolicy;

namespace Campaigns.Core.Tests.Learning;

/// <summary>
/// Off-policy estimates on simulated logs whose truth is known: 100k decisions from a known logging policy, per-action
/// click rates that differ by segment, the candidate's true value computed exactly.
/// </summary>
public sealed class OffPolicyEstimatorTests
{
    private static readonly string[] Actions = ["a", "b", "c"];
    private static readonly string[] Segments = ["new", "loyal"];
    // Reward rate per action and segment (segments are half the customers each).
    private static readonly Dictionary<string, double[]> Rates = new() { ["a"] = [0.20, 0.30], ["b"] = [0.25, 0.15], ["c"] = [0.40, 0.20] };

    public static TheoryData<string, string> Cases => new()
    {
        { "0.6,0.3,0.1", "always c" }, { "0.6,0.3,0.1", "a=0.2,b=0.8" }, { "0.6,0.3,0.1", "a=1,b=1,c=1" },
        { "0.34,0.33,0.33", "always c" }, { "0.34,0.33,0.33", "a=0.2,b=0.8" }, { "0.5,0.25,0.25", "b=0.1,c=0.9" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_estimator_lands_within_ten_percent_of_the_true_value_at_100k_decisions(string logging, string candidateText)
    {
        var shares = logging.Split(',').Select(double.Parse).ToArray();
        var candidate = candidateText.StartsWith("always ", StringComparison.Ordinal) ? CandidatePolicy.Always(candidateText[7..]) : CandidatePolicy.ParseSplit(candidateText);
        var truth = Segments.Select((_, s) => Actions.Sum(a => candidate.Probability(a, null) * Rates[a][s])).Average();

        var estimate = OffPolicyEstimator.Estimate(Log(shares, shares, 100_000, seed: 7), candidate);

        Assert.InRange(estimate.Ips.Estimate, truth * 0.9, truth * 1.1);
        Assert.InRange(estimate.Snips.Estimate, truth * 0.9, truth * 1.1);
        Assert.InRange(estimate.DoublyRobust.Estimate, truth * 0.9, truth * 1.1);
        Assert.True(estimate.DoublyRobust.Contains(truth), $"DR {estimate.DoublyRobust} misses {truth}");
        var loggingTruth = Segments.Select((_, s) => Actions.Select((a, i) => shares[i] * Rates[a][s]).Sum()).Average();
        Assert.InRange(estimate.Logged.Estimate, loggingTruth - 0.01, loggingTruth + 0.01);
        Assert.InRange(estimate.MeanWeight, 0.97, 1.03);
        Assert.DoesNotContain(estimate.Warnings, w => w.Contains("mean importance weight", StringComparison.Ordinal));
    }

    [Fact]
    public void Propensities_that_do_not_match_how_actions_were_chosen_are_flagged()
    {
        // Chosen 60/30/10 but logged as if uniform: IPS for "always c" would be off by a factor of three.
        var log = Log([0.6, 0.3, 0.1], [1.0 / 3, 1.0 / 3, 1.0 / 3], 100_000, seed: 11);

        var estimate = OffPolicyEstimator.Estimate(log, CandidatePolicy.Always("c"));

        Assert.InRange(estimate.MeanWeight, 0.25, 0.35);
        Assert.Contains(estimate.Warnings, w => w.Contains("mean importance weight is 0.3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_candidate_far_from_the_log_gets_an_effective_sample_size_warning()
    {
        var estimate = OffPolicyEstimator.Estimate(Log([0.98, 0.01, 0.01], [0.98, 0.01, 0.01], 20_000, seed: 3), CandidatePolicy.Always("c"));

        Assert.True(estimate.EffectiveSampleSize < 0.05 * estimate.Decisions);
        Assert.Contains(estimate.Warnings, w => w.StartsWith("effective sample size", StringComparison.Ordinal));
    }

    [Fact]
    public void Actions_the_log_never_took_cannot_be_valued_and_say_so()
    {
        var estimate = OffPolicyEstimator.Estimate([new LoggedChoice("a", 1, 1), new LoggedChoice("a", 1, 0)], CandidatePolicy.Always("z"));

        Assert.Contains(estimate.Warnings, w => w.Contains("100.0% of its choices on actions the log never took", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a=0.2,b", "'b' is not action=share")]
    [InlineData("a=x", "'a=x' is not action=share")]
    [InlineData("a=0.5,a=0.5", "action 'a' is named twice")]
    [InlineData("a=0,b=0", "not all zero")]
    public void A_split_that_cannot_be_read_names_the_part_that_is_wrong(string text, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => CandidatePolicy.ParseSplit(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_propensity_of_zero_is_an_error_naming_the_decision() =>
        Assert.Contains("decision 1 ('b'): propensity 0", Assert.Throws<ArgumentException>(() =>
            OffPolicyEstimator.Estimate([new LoggedChoice("a", 0.5, 1), new LoggedChoice("b", 0, 1)], CandidatePolicy.Always("a"))).Message, StringComparison.Ordinal);

    /// <summary>Decisions chosen with <paramref name="chosenWith"/> but logged with propensities <paramref name="loggedAs"/>.</summary>
    private static List<LoggedChoice> Log(double[] chosenWith, double[] loggedAs, int count, int seed)
    {
        var random = new Random(seed);
        var log = new List<LoggedChoice>(count);
        for (var i = 0; i < count; i++)
        {
            var segment = random.Next(2);
            var u = random.NextDouble();
            var action = 0;
            for (var cumulative = chosenWith[0]; u >= cumulative && action < Actions.Length - 1; cumulative += chosenWith[++action]) { }
            var reward = random.NextDouble() < Rates[Actions[action]][segment] ? 1 : 0;
            log.Add(new LoggedChoice(Actions[action], loggedAs[action], reward, Segments[segment]));
        }
        return log;
    }
}

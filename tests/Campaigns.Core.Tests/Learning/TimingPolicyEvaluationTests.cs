using Campaigns.Learning.OffPolicy;
using Campaigns.Learning.OffPolicy.Timing;
using Campaigns.Learning.Simulation;

namespace Campaigns.Core.Tests.Learning;

/// <summary>
/// Off-policy evaluation of send-time strategies on a simulated slot log whose truth is known: 100k decisions taken by a
/// fixed 12:00 with 30% exploration over a 08:00–21:00 window, customers whose open chance depends on their hidden
/// preferred hour, and candidates that read only the logged 24-hour activity profile.
/// </summary>
public sealed class TimingPolicyEvaluationTests
{
    private const double Exploration = 0.3;
    private static readonly Lazy<TimingLogSimulation> Simulation = new(() => new TimingLogSimulation(100_000, Exploration, seed: 11));

    [Theory]
    [InlineData("timing:fixed:10")]
    [InlineData("timing:most-active")]
    [InlineData("timing:bayes-hour-of-week")]
    [InlineData("timing:fixed:19")]
    public void Every_estimator_lands_within_ten_percent_of_the_strategy_true_open_rate_at_100k_decisions(string text)
    {
        var truth = Simulation.Value.TrueValue(TimingCandidate.Parse(text));

        var estimate = OffPolicyEstimator.Estimate(Simulation.Value.Log, TimingCandidate.Parse(text));

        Assert.Equal(text, estimate.Policy);
        Assert.InRange(estimate.Ips.Estimate, truth * 0.9, truth * 1.1);
        Assert.InRange(estimate.Snips.Estimate, truth * 0.9, truth * 1.1);
        Assert.InRange(estimate.DoublyRobust.Estimate, truth * 0.9, truth * 1.1);
        Assert.True(estimate.DoublyRobust.Contains(truth), $"DR {estimate.DoublyRobust} misses {truth}");
        Assert.True(estimate.Snips.Contains(truth), $"SNIPS {estimate.Snips} misses {truth}");
        Assert.InRange(estimate.MeanWeight, 0.95, 1.05);
        // A deterministic candidate agrees with a 30%-over-14-hours exploration on about 2% of decisions (plus the noon
        // ones when it picks noon): the effective sample size warning is the honest diagnosis, and the only one.
        Assert.All(estimate.Warnings, w => Assert.StartsWith("effective sample size", w, StringComparison.Ordinal));
    }

    [Fact]
    public void A_strategy_that_reads_the_customer_is_valued_above_a_fixed_hour_as_it_truly_is()
    {
        var log = Simulation.Value.Log;
        var personal = OffPolicyEstimator.Estimate(log, TimingCandidate.Parse("timing:bayes-hour-of-week"));
        var fixedNoon = OffPolicyEstimator.Estimate(log, TimingCandidate.Parse("timing:fixed:12"));

        // The logged policy is the fixed noon (mostly): its value is what was observed.
        Assert.InRange(fixedNoon.DoublyRobust.Estimate, Simulation.Value.TrueValue(TimingCandidate.Parse("timing:fixed:12")) * 0.95,
            Simulation.Value.TrueValue(TimingCandidate.Parse("timing:fixed:12")) * 1.05);
        Assert.InRange(personal.Logged.Estimate, Simulation.Value.TrueLoggedValue(Exploration) - 0.01, Simulation.Value.TrueLoggedValue(Exploration) + 0.01);
        Assert.True(personal.DoublyRobust.Low > fixedNoon.DoublyRobust.High,
            $"reading the activity profile ({personal.DoublyRobust}) should beat a fixed noon ({fixedNoon.DoublyRobust})");
    }

    [Theory]
    [InlineData("timing:fixed:24")]
    [InlineData("timing:fixed")]
    [InlineData("timing:median-hour")]
    [InlineData("timing:bayes-hour-of-week:-1")]
    [InlineData("bayes-hour-of-week")]
    public void An_unknown_candidate_is_refused_with_the_forms_it_may_take(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => TimingCandidate.Parse(text));
        Assert.Contains($"unknown candidate '{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("timing:fixed:H", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_hour_outside_the_window_sends_at_the_next_candidate_hour()
    {
        var choice = new LoggedChoice("12", 0.5, 1) { Options = ["8", "9", "21"] };
        var late = TimingCandidate.Parse("timing:fixed:22");
        var early = TimingCandidate.Parse("timing:fixed:5");

        Assert.Equal(1, late.Probability(choice, "8"));
        Assert.Equal(1, early.Probability(choice, "8"));
        Assert.Equal(0, early.Probability(choice, "9"));
    }
}

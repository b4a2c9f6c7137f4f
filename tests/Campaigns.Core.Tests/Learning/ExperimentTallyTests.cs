using Campaigns.Learning.Reporting;

namespace Campaigns.Core.Tests.Learning;

/// <summary>The report's arithmetic: what counts as a conversion, what the arms are compared against, and "enough data?".</summary>
public sealed class ExperimentTallyTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 22, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Without_a_holdout_the_first_variant_logged_is_the_control_and_days_follow_the_decision_in_utc()
    {
        var tally = new ExperimentTally();
        for (var i = 0; i < 2_000; i++)
        {
            var arm = i % 2 == 0 ? "spring" : "summer";
            var converted = arm == "spring" ? i % 40 == 0 : i % 20 == 1;
            tally.Add(new RecipientOutcome(arm, Monday.AddHours(i % 4), Sent: true, Opened: i % 3 == 0, Clicked: false,
                converted ? 1 : 0, converted ? 25m : 0, AttributedConversions: 0, AttributedRevenue: 0));
        }

        var report = tally.Build("seasons", TimeSpan.FromDays(7), targetLift: 0.5);

        Assert.Equal("spring", report.Control);
        Assert.Equal(["spring", "summer"], report.Arms.Select(a => a.Arm));
        Assert.Equal((1_000L, 50L, 0.05, 1.25), (report.Arms[0].Recipients, report.Arms[0].Converters, report.Arms[0].ConversionRate, report.Arms[0].RevenuePerRecipient));
        var summer = Assert.Single(report.Comparisons);
        Assert.Equal(("summer", "spring"), (summer.Arm, summer.Against));
        Assert.Equal(0.05, summer.ConversionRate.Estimate, 9);
        Assert.True(summer.ConversionRate.ExcludesZero);
        Assert.Equal(1.25, summer.RevenuePerRecipient.Estimate, 9);
        // +50% of 5% is 2.5 points: about 1,470 per arm; 1,000 each is not enough yet, and the detectable change is larger.
        Assert.InRange(summer.NeededPerArm, 1_400, 1_550);
        Assert.False(summer.EnoughData);
        Assert.True(summer.DetectableNow > 0.025);
        // 22:30 plus 0–3 hours crosses midnight UTC: two days per arm.
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)], report.Days.Where(d => d.Arm == "spring").Select(d => d.Day));
        Assert.Equal(1_000, report.Days.Where(d => d.Arm == "summer").Sum(d => d.Recipients));
    }

    [Fact]
    public void The_holdout_is_the_control_whenever_it_was_logged_and_counts_purchases_without_sends()
    {
        var tally = new ExperimentTally();
        tally.Add(new RecipientOutcome("b", Monday, true, true, true, 1, 10m, 1, 10m));
        tally.Add(new RecipientOutcome(ExperimentTally.Holdout, Monday, false, false, false, 2, 30m, 0, 0));

        var report = tally.Build("c", TimeSpan.FromDays(1), 0.1);

        Assert.Equal(ExperimentTally.Holdout, report.Control);
        Assert.Equal((0L, 1L, 30m, 0L), (report.Arms[0].Sends, report.Arms[0].Converters, report.Arms[0].Revenue, report.Arms[0].AttributedConversions));
        Assert.Equal((1L, 1L, 1L, 1L), (report.Arms[1].Sends, report.Arms[1].Opens, report.Arms[1].Clicks, report.Arms[1].AttributedConversions));
        // One recipient per arm: the revenue difference has no interval yet, and the report says so instead of failing.
        Assert.True(double.IsInfinity(report.Comparisons[0].RevenuePerRecipient.High));
    }
}

using Campaigns.Campaign;
using Campaigns.Scheduling;

namespace Campaigns.Core.Tests.Scheduling;

public sealed class CampaignScheduleTests
{
    [Fact]
    public void A_now_campaign_has_one_occurrence()
    {
        var schedule = new CampaignSchedule(new ScheduleDefinition("now", null, null, "UTC"));
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal("once", schedule.Current(now)!.Id);
        Assert.Equal("once", schedule.Current(now.AddDays(3))!.Id);
    }

    [Fact]
    public void A_cron_occurrence_is_the_last_fire_time_in_the_campaign_zone()
    {
        // Mondays 10:00 London: in summer that is 09:00 UTC.
        var schedule = new CampaignSchedule(new ScheduleDefinition("cron", null, "0 10 * * MON", "Europe/London"));
        var wednesday = new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);
        var current = schedule.Current(wednesday)!;
        Assert.Equal("2026-07-13T09:00Z", current.Id);
        Assert.Equal(new DateTimeOffset(2026, 7, 20, 9, 0, 0, TimeSpan.Zero), schedule.Next(wednesday));
        // Same occurrence for any moment until the next Monday: re-runs plan nothing new.
        Assert.Equal(current.Id, schedule.Current(wednesday.AddDays(4))!.Id);
    }

    [Fact]
    public void An_at_campaign_is_keyed_by_its_instant()
    {
        var at = new DateTimeOffset(2026, 12, 24, 18, 0, 0, TimeSpan.FromHours(1));
        var schedule = new CampaignSchedule(new ScheduleDefinition("at", at, null, "UTC"));
        Assert.Equal("2026-12-24T17:00Z", schedule.Current(at.AddDays(-1))!.Id);
        Assert.Equal(at, schedule.At);
    }
}

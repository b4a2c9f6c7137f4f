using Campaigns.Campaign;
using Campaigns.Scheduling;

namespace Campaigns.Core.Tests.Scheduling;

public sealed class SlotSchedulerTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly LocalTimeRange Quiet = new(new TimeOnly(21, 0), new TimeOnly(8, 0));
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero); // a Monday

    [Fact]
    public void A_slot_in_quiet_hours_moves_to_their_end_in_the_customers_own_zone()
    {
        var scheduler = new SlotScheduler(DeliveryDefinition.Default, new DeliveryPolicy { QuietHours = Quiet }, "email");

        // 23:00 in Tokyo is quiet; the next allowed local time is 08:00 there, which is 23:00 UTC.
        var placement = scheduler.Place("c1", Tokyo, [At(14, 0)], Start, null);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), placement.SendAt);
        Assert.Equal("moved:quiet-hours", placement.Code);
        // The same instant is 14:00 in London: allowed as it is.
        Assert.Equal(new Placement(At(14, 0), null, 0), scheduler.Place("c2", London, [At(14, 0)], Start, null));
    }

    [Fact]
    public void The_first_feasible_alternative_wins_over_searching_forward()
    {
        var scheduler = new SlotScheduler(DeliveryDefinition.Default, new DeliveryPolicy { QuietHours = Quiet }, "email");

        var placement = scheduler.Place("c1", London, [At(22, 0), At(23, 0), At(19, 0)], Start, null);

        Assert.Equal(new Placement(At(19, 0), "moved:quiet-hours", 2), placement);
    }

    [Fact]
    public void The_campaign_window_and_its_own_quiet_hours_replace_the_hosts()
    {
        var delivery = DeliveryDefinition.Default with { Window = new LocalTimeRange(new TimeOnly(9, 0), new TimeOnly(11, 0)), QuietHours = null, InheritQuietHours = false };
        var scheduler = new SlotScheduler(delivery, new DeliveryPolicy { QuietHours = Quiet }, "email");

        // 22:00 London is outside the window (and would be quiet for the host, but the campaign switched those off).
        var placement = scheduler.Place("c1", London, [At(22, 0)], Start, null);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), placement.SendAt);
        Assert.Equal("moved:outside-window", placement.Code);
    }

    [Fact]
    public void A_daily_cap_counts_the_customers_local_calendar_day()
    {
        var policy = new DeliveryPolicy { FrequencyCaps = Caps("email", new FrequencyCap(1, CapPeriod.Day)) };
        var scheduler = new SlotScheduler(DeliveryDefinition.Default, policy, "email");
        var history = new ContactHistory();
        // Tokyo: 2026-11-30 12:00 UTC is 21:00 on the 30th locally; a message already goes out that local day.
        history.Add("c1", new DateOnly(2026, 11, 30).DayNumber);

        var placement = scheduler.Place("c1", Tokyo, [At(12, 0)], Start, history);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), placement.SendAt); // local midnight of Dec 1
        Assert.Equal("moved:cap:email:day", placement.Code);
        Assert.Equal(1, history.OnDay("c1", new DateOnly(2026, 12, 1).DayNumber));
    }

    [Fact]
    public void A_weekly_cap_moves_to_the_next_local_monday_and_campaigns_that_ignore_caps_still_count()
    {
        var policy = new DeliveryPolicy { FrequencyCaps = Caps("sms", new FrequencyCap(2, CapPeriod.Week)) };
        var history = new ContactHistory();
        var transactional = new SlotScheduler(DeliveryDefinition.Default with { IgnoreFrequencyCaps = true }, policy, "sms");
        transactional.Place("c1", London, [At(13, 0)], Start, history);
        transactional.Place("c1", London, [At(13, 0).AddDays(1)], Start, history);

        var marketing = new SlotScheduler(DeliveryDefinition.Default, policy, "sms").Place("c1", London, [At(13, 0).AddDays(2)], Start, history);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), marketing.SendAt);
        Assert.Equal("moved:cap:sms:week", marketing.Code);
    }

    [Fact]
    public void With_a_deadline_the_drop_policy_suppresses_and_the_defer_policy_goes_past_it_saying_why()
    {
        var policy = new DeliveryPolicy { FrequencyCaps = Caps("email", new FrequencyCap(1, CapPeriod.Day)) };
        var history = new ContactHistory();
        history.Add("c1", new DateOnly(2026, 11, 30).DayNumber);
        var strict = DeliveryDefinition.Default with { DeadlineHours = 6 };

        var dropped = new SlotScheduler(strict with { WhenInfeasible = InfeasiblePolicy.Drop }, policy, "email").Place("c1", London, [At(13, 0)], Start, history);
        var deferred = new SlotScheduler(strict, policy, "email").Place("c1", London, [At(13, 0)], Start, history);

        Assert.Equal(new Placement(null, "infeasible:cap:email:day", -1), dropped);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), deferred.SendAt);
        Assert.Equal("deferred:cap:email:day+deadline", deferred.Code);
    }

    [Fact]
    public void Quiet_hours_ending_inside_a_spring_forward_gap_end_at_the_first_minute_that_exists()
    {
        // New York, 2027-03-14: clocks jump from 02:00 to 03:00. Quiet hours 22:00–02:30 end in the gap.
        var quiet = new LocalTimeRange(new TimeOnly(22, 0), new TimeOnly(2, 30));
        var scheduler = new SlotScheduler(DeliveryDefinition.Default, new DeliveryPolicy { QuietHours = quiet }, "push");
        var lateEvening = new DateTimeOffset(2027, 3, 14, 4, 0, 0, TimeSpan.Zero); // 23:00 EST on the 13th

        var placement = scheduler.Place("c1", NewYork, [lateEvening], lateEvening, null);

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 3, 0, 0, TimeSpan.FromHours(-4)), placement.SendAt);
    }

    [Fact]
    public void In_a_fall_back_overlap_the_earlier_of_the_two_instants_is_used()
    {
        // London, 2026-10-25: 01:00–02:00 happens twice. Quiet hours 22:00–01:30 end at the first 01:30 (BST).
        var quiet = new LocalTimeRange(new TimeOnly(22, 0), new TimeOnly(1, 30));
        var scheduler = new SlotScheduler(DeliveryDefinition.Default, new DeliveryPolicy { QuietHours = quiet }, "push");
        var night = new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero); // 23:00 BST

        var placement = scheduler.Place("c1", London, [night], night, null);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), placement.SendAt);
    }

    [Fact]
    public void Nothing_is_placed_before_the_start_even_when_the_strategy_asks()
    {
        var scheduler = new SlotScheduler(DeliveryDefinition.Default, DeliveryPolicy.None, "email");

        Assert.Equal(Start, scheduler.Place("c1", London, [Start.AddHours(-5)], Start, null).SendAt);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 30, hour, minute, 0, TimeSpan.Zero);

    private static Dictionary<string, IReadOnlyList<FrequencyCap>> Caps(string kind, params FrequencyCap[] caps) => new() { [kind] = caps };
}

using System.Xml.Linq;
using Campaigns.Data;
using Campaigns.Evaluation.Timing;
using Campaigns.Import;

namespace Campaigns.Core.Tests.Evaluation.Timing;

public sealed class TimingProtocolTests
{
    private static readonly DateTimeOffset Split = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Events_of_one_customer_at_one_instant_are_one_moment_in_the_customers_local_hour()
    {
        var at = new DateTimeOffset(2026, 1, 10, 9, 30, 0, TimeSpan.Zero);
        var events = new List<Interaction>
        {
            new("c1", "i1", InteractionTypes.Purchase, at), new("c1", "i2", InteractionTypes.Purchase, at), // one invoice, two lines
            new("c1", "i3", InteractionTypes.Purchase, at.AddDays(1)), new("c1", "i3", InteractionTypes.Purchase, at.AddDays(2)),
            new("c1", "i1", InteractionTypes.Purchase, Split.AddDays(3).AddHours(14)),
            new("c2", "i1", InteractionTypes.Purchase, at), new("c2", "i1", InteractionTypes.Purchase, Split.AddDays(1)),
        };
        var customers = new Dictionary<string, Customer> { ["c1"] = new("c1") { TimeZone = "Europe/Berlin" }, ["c2"] = new("c2") };

        var split = new TimingSplit(Data(events, customers), Split, minHistory: 3);

        Assert.Equal([10, 10, 10], split.TrainHours["c1"]); // 09:30 UTC is 10:30 in Berlin in winter
        var moment = Assert.Single(split.Test); // c2 has one training moment: not evaluated
        Assert.Equal(new TestMoment("c1", new DateTime(2026, 3, 4), 15), moment);
        Assert.Equal(1, split.Customers);
    }

    [Fact]
    public void The_own_hour_breaks_ties_toward_the_hour_more_common_over_everyone()
    {
        var population = new int[24];
        population[14] = 50;
        population[9] = 40;

        Assert.Equal(14, Baselines.OwnMode([9, 14, 20], population));
        Assert.Equal(9, Baselines.OwnMode([9, 9, 14], population));
        Assert.Equal(14, Baselines.Mode(population, population));
    }

    [Theory]
    [InlineData(23, 0, 1)]
    [InlineData(0, 12, 12)]
    [InlineData(5, 7, 2)]
    public void Hours_are_apart_around_the_clock(int a, int b, int expected) => Assert.Equal(expected, LocalHours.Distance(a, b));

    [Fact]
    public void A_day_whose_midnight_does_not_exist_starts_at_the_first_minute_that_does()
    {
        // São Paulo skipped midnight on 2011-10-16 (00:00 -03 became 01:00 -02).
        var zone = Campaigns.Scheduling.CustomerZones.Find("America/Sao_Paulo");

        Assert.Equal(new DateTimeOffset(2011, 10, 16, 3, 0, 0, TimeSpan.Zero), Campaigns.Scheduling.LocalClock.ToInstant(new DateTime(2011, 10, 16), zone));
        Assert.Equal(TimeZoneInfo.Utc, Campaigns.Scheduling.CustomerZones.Find("Mars/Olympus_Mons"));
    }

    [Fact]
    public void Synthetic_habits_are_deterministic_and_mostly_at_the_planted_hour()
    {
        var a = new SyntheticHabits(50, seed: 9);
        var b = new SyntheticHabits(50, seed: 9);

        Assert.Equal(a.Events(), b.Events());
        var habits = a.Habits.ToDictionary(h => h.Id);
        var events = a.Events();
        var atPreferred = events.Count(e => e.OccurredAt.Hour == habits[e.CustomerId].PreferredOn(e.OccurredAt.UtcDateTime));
        Assert.InRange((double)atPreferred / events.Count, 0.55, 0.7);
        Assert.Contains(a.Habits, h => events.All(e => e.CustomerId != h.Id)); // cold customers exist
    }

    [Fact]
    public void The_regret_chart_is_well_formed_svg_with_one_line_per_strategy()
    {
        var svg = RegretChart.Svg([new RegretCurve("a <b>", [0.4, 0.3, 0.2]), new RegretCurve("c", [0.5, 0.5, 0.5])], "title & more");

        var root = XDocument.Parse(svg).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(2, root.Descendants(ns + "polyline").Count());
        Assert.Contains(root.Descendants(ns + "text"), t => t.Value == "a <b>");
    }

    private static TimingData Data(List<Interaction> events, Dictionary<string, Customer> customers) =>
        new(customers, [], events, new ImportResult(ImportFormat.Interactions, events.Count, events.Count, 0, customers.Count, 0, 0, 0, 0, [], TimeSpan.Zero));
}

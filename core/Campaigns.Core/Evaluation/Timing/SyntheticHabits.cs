using System.Globalization;
using Campaigns.Data;

namespace Campaigns.Evaluation.Timing;

/// <summary>A synthetic customer's planted habit: the local hour they usually act on weekdays and on weekends.</summary>
/// <param name="Id">Customer id.</param>
/// <param name="WeekdayHour">Preferred hour Monday to Friday.</param>
/// <param name="WeekendHour">Preferred hour on Saturday and Sunday.</param>
public sealed record Habit(string Id, int WeekdayHour, int WeekendHour)
{
    /// <summary>The preferred hour on the day of <paramref name="local"/>.</summary>
    public int PreferredOn(DateTime local) => local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendHour : WeekdayHour;
}

/// <summary>
/// Consumer-style activity with strong, known habits, for testing send-time strategies where the answer is known.
/// Each customer has a weekday and a weekend hour (weekends 2 to 6 hours later or earlier); each moment falls in
/// the preferred hour with probability <c>habit</c>, in a neighbouring hour with half the rest, anywhere otherwise.
/// History lengths vary from none (cold start) to about a hundred moments. Deterministic for a seed. Times are UTC,
/// which is also what the generic file format assumes.
/// </summary>
public sealed class SyntheticHabits(int customers, int seed, double habit = 0.6)
{
    /// <summary>First day of activity.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Days of activity.</summary>
    public const int Days = 120;

    /// <summary>The split the generated file is meant for: 90 days of training, 30 of test.</summary>
    public static readonly DateTimeOffset SplitAt = Start.AddDays(90);

    /// <summary>The customers' habits, in id order.</summary>
    public IReadOnlyList<Habit> Habits { get; } = MakeHabits(customers, seed);

    /// <summary>Every customer's moments as events: purchases, opens and clicks, one per moment.</summary>
    public IReadOnlyList<Interaction> Events()
    {
        var random = new Random(seed + 1);
        var events = new List<Interaction>();
        foreach (var h in Habits)
        {
            // Log-uniform history length, a fifth of customers (almost) cold: 0 to 2 moments.
            var count = random.NextDouble() < 0.2 ? random.Next(0, 3) : (int)Math.Exp(random.NextDouble() * Math.Log(120));
            for (var i = 0; i < count; i++)
            {
                var day = Start.AddDays(random.Next(Days));
                var hour = Hour(h.PreferredOn(day.DateTime), random);
                var at = day.AddHours(hour).AddMinutes(random.Next(60));
                var roll = random.NextDouble();
                events.Add(roll < 0.5 ? new Interaction(h.Id, "item-" + random.Next(50).ToString(CultureInfo.InvariantCulture), InteractionTypes.Purchase, at)
                    : new Interaction(h.Id, "", roll < 0.85 ? InteractionTypes.Open : InteractionTypes.Click, at));
            }
        }
        return [.. events.OrderBy(e => e.OccurredAt)];
    }

    /// <summary>Writes the events in the generic format <c>user_id,item_id,timestamp,event_type</c> (ISO 8601 UTC).</summary>
    public void WriteCsv(TextWriter writer)
    {
        writer.WriteLine("user_id,item_id,timestamp,event_type");
        foreach (var e in Events())
            writer.WriteLine($"{e.CustomerId},{e.ItemId},{e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)},{e.Type}");
    }

    private int Hour(int preferred, Random random)
    {
        var roll = random.NextDouble();
        if (roll < habit) return preferred;
        if (roll < habit + (1 - habit) / 2) return (preferred + (random.Next(2) == 0 ? 23 : 1)) % 24;
        return random.Next(24);
    }

    private static Habit[] MakeHabits(int customers, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, customers).Select(i =>
        {
            var weekday = random.Next(7, 23);
            var shift = (random.Next(2) == 0 ? -1 : 1) * random.Next(2, 7);
            return new Habit($"s{i:D5}", weekday, ((weekday + shift) % 24 + 24) % 24);
        })];
    }
}

using System.Globalization;

namespace Campaigns.Plugins.Timing.History;

/// <summary>The <c>fallback</c> option of the stages that need enough history: the population's best hour, or a fixed local time.</summary>
internal static class Fallback
{
    /// <summary>The value meaning "the hour most customers are active in, in their own zones".</summary>
    public const string Population = "population";

    /// <summary>The pattern the option must match.</summary>
    public const string Pattern = "^(population|([01][0-9]|2[0-3]):[0-5][0-9])$";

    /// <summary>The message when it does not.</summary>
    public const string Message = "fallback must be \"population\" or a 24-hour time HH:mm, e.g. 10:00";

    /// <summary>
    /// The local time of day to fall back to: a fixed <c>HH:mm</c>, or the busiest local hour of everyone's activity
    /// (ties: the earlier hour; no activity at all: 10:00).
    /// </summary>
    public static (TimeSpan At, string Label) Resolve(string option, double[] hourTotals)
    {
        if (option != Population)
        {
            var at = TimeSpan.ParseExact(option, @"hh\:mm", CultureInfo.InvariantCulture);
            return (at, $"fixed {option}");
        }
        var best = 0;
        for (var h = 1; h < 24; h++) if (hourTotals[h] > hourTotals[best]) best = h;
        if (hourTotals[best] <= 0) return (TimeSpan.FromHours(10), "population(no-data) 10:00");
        return (TimeSpan.FromHours(best), $"population {best:00}:00");
    }
}

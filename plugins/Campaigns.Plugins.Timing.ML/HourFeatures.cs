using Campaigns.Plugins.Timing.History;
using Campaigns.Plugins.Timing.Slots;
using Microsoft.ML.Data;

namespace Campaigns.Plugins.Timing.ML;

/// <summary>One (customer, local day, hour) row: what the model sees, and whether the customer was active then.</summary>
internal sealed class HourRow
{
    /// <summary>The features, <see cref="HourFeatures.Count"/> of them.</summary>
    [VectorType(HourFeatures.Count)]
    public float[] Features { get; set; } = [];

    /// <summary>True when the customer had a moment in that hour (training rows only).</summary>
    public bool Label { get; set; }
}

/// <summary>The model's output for a row.</summary>
internal sealed class HourPrediction
{
    /// <summary>The calibrated engagement probability.</summary>
    public float Probability { get; set; }
}

/// <summary>A customer's history summarised for the features: weighted moments per hour, overall and per day type.</summary>
internal sealed class HourFeatures
{
    /// <summary>Features per row.</summary>
    public const int Count = 11;

    private readonly double[] _hours = new double[24];
    private readonly double[] _dayType = new double[48];
    private readonly double _total;
    private readonly double _recentDays;

    public HourFeatures(IEnumerable<LocalEvent> events, DateTimeOffset now)
    {
        var last = DateTimeOffset.MinValue;
        foreach (var e in events)
        {
            _hours[e.Local.Hour] += e.Weight;
            _dayType[HourOfWeek.DayType(HourOfWeek.Of(e.Local))] += e.Weight;
            _total += e.Weight;
            if (e.At > last) last = e.At;
        }
        _recentDays = _total == 0 ? 365 : Math.Min(365, (now - last).TotalDays);
    }

    /// <summary>The features of hour <paramref name="hour"/> on a weekend or weekday, given the population's shares.</summary>
    public float[] For(int hour, bool weekend, Population population)
    {
        var t = (weekend ? 24 : 0) + hour;
        double Share(int h) => _total == 0 ? 0 : _hours[(h + 24) % 24] / _total;
        var dayTypeTotal = _dayType.Skip(weekend ? 24 : 0).Take(24).Sum();
        return
        [
            (float)Share(hour), (float)Share(hour - 1), (float)Share(hour + 1),
            (float)(dayTypeTotal == 0 ? 0 : _dayType[t] / dayTypeTotal),
            (float)population.Hours[hour], (float)population.DayType[t],
            (float)Math.Log(1 + _total), (float)_recentDays,
            hour, weekend ? 1 : 0, (float)Share(hour) * (float)Math.Log(1 + _total),
        ];
    }
}

/// <summary>The population's shares of weighted moments per local hour and per day-type hour.</summary>
/// <param name="Hours">Per hour of day (24).</param>
/// <param name="DayType">Per day-type hour (48: weekdays then weekends), each day type summing to 1.</param>
internal sealed record Population(double[] Hours, double[] DayType)
{
    public static Population Of(IEnumerable<LocalEvent> events)
    {
        var hours = new double[24];
        var dayType = new double[48];
        foreach (var e in events)
        {
            hours[e.Local.Hour] += e.Weight;
            dayType[HourOfWeek.DayType(HourOfWeek.Of(e.Local))] += e.Weight;
        }
        var total = Math.Max(hours.Sum(), 1e-9);
        var weekday = Math.Max(dayType.Take(24).Sum(), 1e-9);
        var weekend = Math.Max(dayType.Skip(24).Sum(), 1e-9);
        return new Population([.. hours.Select(h => h / total)], [.. dayType.Select((v, i) => v / (i < 24 ? weekday : weekend))]);
    }
}

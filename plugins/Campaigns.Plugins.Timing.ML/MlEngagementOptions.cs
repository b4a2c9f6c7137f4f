using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Timing.ML;

/// <summary>Options of the <c>ml-engagement</c> send-time strategy.</summary>
/// <remarks>
/// A FastTree (gradient-boosted trees, ML.NET) binary classifier predicts the probability that a customer is active in
/// a given local hour from features of their history × that hour: their share of moments in the hour and its two
/// neighbours, in the hour on that day type, the population's shares, history size and recency, the hour and the day
/// type. It is trained on every run: the last quarter of the history gives the labels (for each moment, its hour is
/// positive and the day's other 23 negative), the earlier moments the features. Each candidate hour of a decision is
/// scored with the probability; the best is sent, the others are the alternatives.
/// </remarks>
public sealed class MlEngagementOptions
{
    /// <summary>Days of history read, ending now. Default 365.</summary>
    [Range(7, 3650)]
    public int Days { get; set; } = 365;

    /// <summary>Trees of the boosted model (10 to 1,000). Default 50.</summary>
    [Range(10, 1000)]
    public int Trees { get; set; } = 50;

    /// <summary>Leaves per tree (2 to 256). Default 16.</summary>
    [Range(2, 256)]
    public int Leaves { get; set; } = 16;

    /// <summary>Most held-out moments trained on (each gives 24 rows; 100 to 1,000,000). Default 20,000.</summary>
    [Range(100, 1_000_000)]
    public int MaxTrainingMoments { get; set; } = 20_000;

    /// <summary>Seed of the trainer. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>Hours ahead that are candidates (1 to 168). Default 48.</summary>
    [Range(1, 168)]
    public int HorizonHours { get; set; } = 48;

    /// <summary>Most alternatives listed per decision (0 to 168). Default 24.</summary>
    [Range(0, 168)]
    public int Alternatives { get; set; } = 24;
}

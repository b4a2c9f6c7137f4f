using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Segmentation.ML.Propensity;

/// <summary>Options of the <c>propensity-segment</c> audience.</summary>
/// <remarks>
/// A FastTree classifier (ML.NET gradient-boosted trees) learns from the features of every customer at a cutoff
/// (recency, orders, spend, days between orders, days as a customer, keyword shares, all from purchases before the
/// cutoff) whether they bought in the <see cref="HorizonDays"/> after it. Temporal split: trained at cutoffs up to
/// now − 2 × horizon (<see cref="TrainingWindows"/>), validated at now − horizon (AUC, PR-AUC and lift at the top 10% against recency-only and
/// frequency-only scores), then everyone is scored at now and the top <see cref="TopPercent"/> percent is the audience.
/// </remarks>
public sealed class PropensitySegmentOptions
{
    /// <summary>
    /// <c>buy</c>: the customers most likely to purchase within the horizon (among everyone who ever bought).
    /// <c>churn</c>: among the customers active in the last <see cref="ActiveDays"/> days, those most likely not to
    /// purchase within the horizon. Default <c>buy</c>.
    /// </summary>
    [Required, AllowedValues("buy", "churn")]
    public string Target { get; set; } = "buy";

    /// <summary>The share of the scored customers the audience takes, most likely first (0.1 to 100). Default 10.</summary>
    [Range(0.1, 100)]
    public double TopPercent { get; set; } = 10;

    /// <summary>Days ahead the prediction is about (1 to 365). Default 30.</summary>
    [Range(1, 365)]
    public int HorizonDays { get; set; } = 30;

    /// <summary>With <c>churn</c>: a customer counts as active with a purchase in this many days before the cutoff (1 to 3650). Default 90.</summary>
    [Range(1, 3650)]
    public int ActiveDays { get; set; } = 90;

    /// <summary>
    /// Training cutoffs, one horizon apart, ending at now − 2 × horizon (1 to 12): each adds every customer once more
    /// with an earlier history and its own label, so a small shop still has enough rows. Default 3.
    /// </summary>
    [Range(1, 12)]
    public int TrainingWindows { get; set; } = 3;

    /// <summary>Trees of the boosted model (10 to 1,000). Default 30: on Online Retail more trees fit noise (see segments-ml.md).</summary>
    [Range(10, 1000)]
    public int Trees { get; set; } = 30;

    /// <summary>Leaves per tree (2 to 256). Default 4.</summary>
    [Range(2, 256)]
    public int Leaves { get; set; } = 4;

    /// <summary>
    /// Most training rows the model learns from (1,000 to 10,000,000). The stacked cutoffs hold a row per customer per
    /// cutoff; beyond this a stratified sample (the same share of buyers and non-buyers, seeded) is used, so a million
    /// customers train in minutes and a few gigabytes. Everyone is still scored. Default 200,000.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int MaxTrainingRows { get; set; } = 200_000;

    /// <summary>Seed of the trainer and of the shuffled-label control: the same seed and data give the same audience. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// What "now" is: <c>auto</c> (the clock, or the latest purchase when nobody bought within the horizon, as in a
    /// historic data set), <c>now</c> or <c>latest-event</c>. Default <c>auto</c>.
    /// </summary>
    [Required, AllowedValues("auto", "now", "latest-event")]
    public string Anchor { get; set; } = "auto";
}

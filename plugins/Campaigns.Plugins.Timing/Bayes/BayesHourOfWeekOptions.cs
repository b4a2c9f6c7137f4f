using System.ComponentModel.DataAnnotations;
using Campaigns.Plugins.Timing.History;

namespace Campaigns.Plugins.Timing.Bayes;

/// <summary>Options of the <c>bayes-hour-of-week</c> send-time strategy.</summary>
/// <remarks>
/// Each customer has a Dirichlet posterior over the 168 local hour-of-week slots: their own weighted moments
/// (<see cref="EventWeights"/>; opens and clicks of earlier messages are outcomes and count most) on top of a prior
/// from the whole audience, whose strengths are fitted from the data on every run (empirical Bayes, leave-one-out
/// likelihood). Little history gives the population's best slot, much history the customer's own. With
/// <see cref="Exploration"/> <c>thompson</c> the slot is drawn from the posterior (Thompson sampling) and the
/// decision carries the probability of that choice; with <c>off</c> the slot with the highest posterior mean is taken.
/// </remarks>
public sealed class BayesHourOfWeekOptions : IValidatableObject
{
    /// <summary>Days of history read, ending now. Default 365.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 365;

    /// <summary>Weight of each event type as evidence of attention. Default click 3, open 2, purchase 1, cart_add 1, view 0.5, rating 0.5.</summary>
    public Dictionary<string, double> EventWeights { get; set; } = History.EventWeights.Engagement();

    /// <summary><c>thompson</c> (sample from the posterior, report the probability) or <c>off</c> (posterior mean). Default <c>thompson</c>.</summary>
    [Required, RegularExpression("^(thompson|off)$", ErrorMessage = "exploration must be thompson or off")]
    public string Exploration { get; set; } = "thompson";

    /// <summary>Draws used to estimate the probability of a Thompson choice (0 to 10,000; 0 reports 1). Default 200.</summary>
    [Range(0, 10_000)]
    public int ProbabilityDraws { get; set; } = 200;

    /// <summary>Seed of the draws; the same seed, customer and occurrence give the same decision. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>Hours ahead that are candidates (1 to 168). Default 48.</summary>
    [Range(1, 168)]
    public int HorizonHours { get; set; } = 48;

    /// <summary>Most alternatives listed per decision (0 to 168). Default 24.</summary>
    [Range(0, 168)]
    public int Alternatives { get; set; } = 24;

    /// <summary>Most customers the prior strengths are fitted on (spread over all; 100 to 10,000,000). Default 20,000.</summary>
    [Range(100, 10_000_000)]
    public int MaxFitCustomers { get; set; } = 20_000;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (History.EventWeights.Problem(EventWeights) is { } problem) yield return new ValidationResult(problem, [nameof(EventWeights)]);
    }
}

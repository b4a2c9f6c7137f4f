namespace Campaigns.Learning;

/// <summary>How a <see cref="ThompsonAllocator"/> splits traffic.</summary>
public sealed record ThompsonOptions
{
    /// <summary>Every arm keeps at least this share, so a bad start can be corrected and the log stays evaluable (IPS needs p &gt; 0).</summary>
    public double ExplorationFloor { get; init; } = 0.05;

    /// <summary>Posterior draws used to estimate each arm's chance of being best.</summary>
    public int Draws { get; init; } = 10_000;

    /// <summary>Beta prior: pseudo-successes and pseudo-failures before any data.</summary>
    public double PriorSuccesses { get; init; } = 1;

    /// <summary>Beta prior pseudo-failures.</summary>
    public double PriorFailures { get; init; } = 1;

    /// <summary>Throws when the options cannot work for <paramref name="arms"/> arms.</summary>
    public void Validate(int arms)
    {
        if (arms < 1) throw new ArgumentException("a bandit needs at least one arm");
        if (ExplorationFloor < 0 || ExplorationFloor * arms > 1)
            throw new ArgumentException($"the exploration floor {ExplorationFloor} times {arms} arms must be between 0 and 1");
        if (Draws < 100) throw new ArgumentException("draws must be at least 100");
        if (PriorSuccesses <= 0 || PriorFailures <= 0) throw new ArgumentException("the Beta prior must be positive");
    }
}

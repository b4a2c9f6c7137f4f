namespace Campaigns.Learning;

/// <summary>What one variant (arm) has earned so far: how many were sent it and how many converted (clicked, bought).</summary>
public sealed record ArmStats(string Arm, long Trials, long Successes)
{
    /// <summary>Observed success rate, 0 with no trials.</summary>
    public double Rate => Trials == 0 ? 0 : (double)Successes / Trials;
}

/// <summary>The share of traffic an arm gets in the next round.</summary>
public sealed record ArmShare(string Arm, double Share);

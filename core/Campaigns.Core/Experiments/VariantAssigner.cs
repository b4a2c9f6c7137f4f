using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Learning;
using Campaigns.Storage;

namespace Campaigns.Experiments;

/// <summary>
/// Places each customer of one planning run: first the global control group, then the campaign's holdout, then a
/// variant by <see cref="Assignment.Pick"/> over the newest allocation round's shares. Each step hashes with its own
/// salt, so holdout membership does not move when the variants' shares do, and every host places a customer alike.
/// </summary>
public sealed class VariantAssigner
{
    /// <summary>The segment key of <see cref="VariantAssignment.Features"/>.</summary>
    public const string SegmentFeature = "segment";

    private readonly GlobalControl _global;
    private readonly ExperimentDefinition? _experiment;
    private readonly IReadOnlyDictionary<string, AllocationRound> _rounds;
    private readonly IReadOnlyList<ArmShare> _declared;

    private VariantAssigner(GlobalControl global, ExperimentDefinition? experiment, IReadOnlyDictionary<string, AllocationRound> rounds)
    {
        _global = global;
        _experiment = experiment;
        _rounds = rounds;
        var variants = experiment?.Variants ?? [];
        var total = variants.Sum(v => v.Weight);
        _declared = [.. variants.Select(v => new ArmShare(v.Name, v.Weight / total))];
    }

    /// <summary>The assigner of one run: with a bandit, the newest round of each segment; round 0 (the declared weights) before any.</summary>
    public static async Task<VariantAssigner> CreateAsync(CampaignDefinition campaign, GlobalControl global, IAllocationStore allocations, CancellationToken ct)
    {
        var experiment = campaign.Experiment;
        var rounds = experiment is { Allocation.IsThompson: true }
            ? (await allocations.LatestAsync(experiment.Id, ct)).ToDictionary(r => r.Segment, StringComparer.Ordinal)
            : new Dictionary<string, AllocationRound>();
        // The global control measures marketing as a whole; receipts and other purposes are not withheld from anyone.
        var control = campaign.Purpose == Privacy.CampaignPurposes.Marketing ? global : GlobalControl.Off;
        return new VariantAssigner(control, experiment, rounds);
    }

    /// <summary>The salt of the campaign holdout's hash: apart from the variants' salt so that share changes leave it alone.</summary>
    public static string HoldoutSalt(string experimentId) => experimentId + ":holdout";

    /// <summary>Where <paramref name="customer"/> lands.</summary>
    public VariantAssignment Assign(Customer customer)
    {
        if (_global.Percent > 0 && Assignment.Unit(_global.Salt, customer.Id) < _global.Percent / 100)
            return Holdout("holdout:global", _global.Percent);
        if (_experiment is null) return VariantAssignment.None;
        if (_experiment.HoldoutPercent > 0 && Assignment.Unit(HoldoutSalt(_experiment.Id), customer.Id) < _experiment.HoldoutPercent / 100)
            return Holdout("holdout:campaign", _experiment.HoldoutPercent);

        var allocation = _experiment.Allocation;
        var segment = allocation.BySegment is { } attribute ? customer.Attributes.GetValueOrDefault(attribute) ?? "" : "";
        var (round, shares) = _rounds.TryGetValue(segment, out var stored) ? (stored.Round, stored.Shares) : (0, _declared);
        var chosen = Assignment.Pick(shares, Assignment.Unit(_experiment.Id, customer.Id));
        var total = shares.Sum(s => s.Share);
        var candidates = shares.ToDictionary(s => s.Arm, s => s.Share / total, StringComparer.Ordinal);
        return new VariantAssignment(chosen, null, allocation.Type, round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            candidates[chosen], candidates, allocation.BySegment is null ? null : new Dictionary<string, string> { [SegmentFeature] = segment });
    }

    private static VariantAssignment Holdout(string reason, double percent)
    {
        var p = percent / 100;
        return new VariantAssignment(ExperimentDefinition.Holdout, reason, reason, "0", p,
            new Dictionary<string, double> { [ExperimentDefinition.Holdout] = p, ["treated"] = 1 - p }, null);
    }
}

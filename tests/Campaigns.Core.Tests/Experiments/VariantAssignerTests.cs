using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Experiments;
using Campaigns.Learning;
using Campaigns.Storage;

namespace Campaigns.Core.Tests.Experiments;

public sealed class VariantAssignerTests
{
    private static readonly Customer[] Customers = [.. Enumerable.Range(0, 20_000).Select(i => new Customer($"c{i}") { Attributes = new Dictionary<string, string> { ["country"] = i % 2 == 0 ? "UK" : "FR" } })];

    [Fact]
    public async Task Holdout_and_split_follow_the_declared_percentages_and_weights()
    {
        var assigner = await VariantAssigner.CreateAsync(Definition(10, "split", null, ("A", 1), ("B", 3)), GlobalControl.Off, new Rounds(), default);
        var placed = Customers.Select(assigner.Assign).ToList();

        Assert.InRange(placed.Count(p => p.HoldoutReason == "holdout:campaign") / (double)placed.Count, 0.09, 0.11);
        var treated = placed.Where(p => !p.IsHoldout).ToList();
        Assert.InRange(treated.Count(p => p.Variant == "B") / (double)treated.Count, 0.73, 0.77);
        Assert.All(treated, p => Assert.Equal(p.Variant == "B" ? 0.75 : 0.25, p.Probability, 9));
        Assert.All(placed.Where(p => p.IsHoldout), p => Assert.Equal((0.1, "holdout"), (p.Probability, p.Variant)));
    }

    [Fact]
    public async Task Holdout_membership_does_not_move_when_the_shares_do()
    {
        var before = await VariantAssigner.CreateAsync(Definition(10, "thompson", null, ("A", 1), ("B", 1)), GlobalControl.Off, new Rounds(), default);
        var rounds = new Rounds(new AllocationRound("spring-sale", "spring-sale", "", 1, [new ArmShare("A", 0.1), new ArmShare("B", 0.9)], [], default));
        var after = await VariantAssigner.CreateAsync(Definition(10, "thompson", null, ("A", 1), ("B", 1)), GlobalControl.Off, rounds, default);

        Assert.Equal(Customers.Select(c => before.Assign(c).IsHoldout), Customers.Select(c => after.Assign(c).IsHoldout));
        var moved = Customers.Select(after.Assign).Where(p => !p.IsHoldout).ToList();
        Assert.InRange(moved.Count(p => p.Variant == "B") / (double)moved.Count, 0.88, 0.92);
        Assert.All(moved, p => Assert.Equal("1", p.PolicyVersion));
    }

    [Fact]
    public async Task The_global_control_holds_out_the_same_customers_whatever_the_campaign()
    {
        var control = new GlobalControl(5, "house");
        var withExperiment = await VariantAssigner.CreateAsync(Definition(10, "split", null, ("A", 1)), control, new Rounds(), default);
        var without = await VariantAssigner.CreateAsync(Definition(0, "split", null, ("A", 1)) with { Experiment = null }, control, new Rounds(), default);

        var global = Customers.Where(c => withExperiment.Assign(c).HoldoutReason == "holdout:global").Select(c => c.Id).ToList();
        Assert.Equal(global, Customers.Where(c => without.Assign(c).HoldoutReason == "holdout:global").Select(c => c.Id));
        Assert.InRange(global.Count / (double)Customers.Length, 0.04, 0.06);
        Assert.All(Customers.Select(without.Assign).Where(p => !p.IsHoldout), p => Assert.Null(p.Variant));
    }

    [Fact]
    public async Task Per_segment_allocation_uses_each_segments_own_round()
    {
        var rounds = new Rounds(
            new AllocationRound("spring-sale", "spring-sale", "UK", 2, [new ArmShare("A", 0.9), new ArmShare("B", 0.1)], [], default),
            new AllocationRound("spring-sale", "spring-sale", "FR", 1, [new ArmShare("A", 0.1), new ArmShare("B", 0.9)], [], default));
        var assigner = await VariantAssigner.CreateAsync(Definition(0, "thompson", "country", ("A", 1), ("B", 1)), GlobalControl.Off, rounds, default);

        var placed = Customers.Select(c => (Customer: c, Placed: assigner.Assign(c))).ToList();
        var uk = placed.Where(p => p.Customer.Attributes["country"] == "UK").ToList();
        Assert.InRange(uk.Count(p => p.Placed.Variant == "A") / (double)uk.Count, 0.88, 0.92);
        Assert.All(uk, p => Assert.Equal(("2", "UK"), (p.Placed.PolicyVersion, p.Placed.Features!["segment"])));
        var fr = placed.Where(p => p.Customer.Attributes["country"] == "FR").ToList();
        Assert.InRange(fr.Count(p => p.Placed.Variant == "B") / (double)fr.Count, 0.88, 0.92);
    }

    private static CampaignDefinition Definition(double holdout, string type, string? segment, params (string Name, double Weight)[] variants)
    {
        var stage = new StageReference("x", null, "$");
        return new CampaignDefinition("spring-sale", "Spring", stage, [], new RecommenderReference("top", null, "$", 3), new MessageDefinition(null, "x", null, "text"),
            stage, stage, new ScheduleDefinition("now", null, null, "UTC"))
        {
            Experiment = new ExperimentDefinition("spring-sale", [.. variants.Select(v => new VariantDefinition(v.Name, v.Weight, null, null, null, null, null, "$"))],
                holdout, new AllocationDefinition(type, "click", 0.05, 24, segment)),
        };
    }

    private sealed class Rounds(params AllocationRound[] rounds) : IAllocationStore
    {
        public Task<bool> AddAsync(AllocationRound round, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<AllocationRound>> LatestAsync(string experimentId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AllocationRound>>(rounds);
        public Task<IReadOnlyList<AllocationRound>> ListAsync(string experimentId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AllocationRound>>(rounds);
    }
}

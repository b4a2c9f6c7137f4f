using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The <c>propensity-segment</c> audience, loaded from its build output, on customers with planted buying habits.</summary>
public sealed class PropensitySegmentTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly List<Interaction> Events = PlantedShop.Habits();
    private static readonly InMemoryData Shop = PlantedShop.Data(Events);

    [Fact]
    public async Task A_planted_habit_is_learnt_while_shuffled_labels_learn_nothing()
    {
        var report = await Describe("""{"target":"buy","horizonDays":30}""");

        Assert.True(Figure(report, "AUC") > 0.75, $"AUC {Figure(report, "AUC")}");
        Assert.InRange(Figure(report, "AUC shuffled training labels (control, mean of 5)"), 0.4, 0.6);
        Assert.True(Figure(report, "lift at top 10%") > 1.5, $"lift {Figure(report, "lift at top 10%")}");
        Assert.Contains("trained at 2026-02-15, 2026-03-17, 2026-04-16, validated at 2026-05-16, scored at 2026-06-15", report.Title);
    }

    [Fact]
    public async Task The_top_percent_has_the_right_size_and_holds_the_habitual_buyers()
    {
        var report = await Describe("""{"topPercent":10}""");
        var segment = Assert.Single(report.Segments);
        var scored = segment.Figures.Single(f => f.Name == "customers scored").Value;
        Assert.Equal("top 10% most likely to buy", segment.Name);
        Assert.Equal((long)Math.Ceiling(scored * 0.1), segment.Customers);

        var selected = await Select("""{"topPercent":10}""");
        Assert.Equal(segment.Customers, selected.Length);
        Assert.All(selected, id => Assert.StartsWith("loyal", id, StringComparison.Ordinal));
        Assert.Equal(selected, await Select("""{"topPercent":10}"""));
    }

    [Fact]
    public async Task Churn_selects_only_customers_active_before_now_and_mostly_the_rare_buyers()
    {
        var active = Events.Where(e => e.OccurredAt >= PlantedShop.Now.AddDays(-60)).Select(e => e.CustomerId).ToHashSet();
        var selected = await Select("""{"target":"churn","activeDays":60,"topPercent":20}""");

        Assert.NotEmpty(selected);
        Assert.All(selected, id => Assert.Contains(id, active));
        Assert.True(selected.Count(id => id.StartsWith("rare", StringComparison.Ordinal)) > selected.Length / 2, string.Join(",", selected));
        var report = await Describe("""{"target":"churn","activeDays":60,"topPercent":20}""");
        Assert.Equal(active.Count, report.Segments[0].Figures.Single(f => f.Name == "customers scored").Value);
    }

    [Fact]
    public async Task A_large_training_stack_is_sampled_per_class_and_still_learns_the_habit()
    {
        var full = await Describe("{}");
        var sampled = await Describe("""{"maxTrainingRows":1000}""");

        var stacked = Figure(full, "training rows (stacked cutoffs)");
        Assert.True(stacked > 1000, $"{stacked} rows");
        Assert.Equal(stacked, Figure(full, "training rows used (stratified sample)"));
        Assert.Equal(stacked, Figure(sampled, "training rows (stacked cutoffs)"));
        Assert.InRange(Figure(sampled, "training rows used (stratified sample)"), 999, 1001);
        Assert.True(Figure(sampled, "AUC") > 0.75, $"AUC {Figure(sampled, "AUC")}");
        // Everyone is still scored, whatever the sample.
        Assert.Equal(full.Segments[0].Figures.Single(f => f.Name == "customers scored").Value, sampled.Segments[0].Figures.Single(f => f.Name == "customers scored").Value);
    }

    [Fact]
    public async Task Too_little_history_is_a_clear_error()
    {
        var shop = PlantedShop.Data(Events.Where(e => e.CustomerId.StartsWith("loyal", StringComparison.Ordinal) && e.OccurredAt > PlantedShop.Now.AddDays(-50)));
        var stage = plugins.Create<IAudienceStage>(StageKind.Audience, "propensity-segment", "{}",
            BundledPluginsFixture.Context(shop, new FakeClock(PlantedShop.Now), plugins.NewDataFolder()));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await stage.PrepareAsync(CancellationToken.None));
        Assert.Contains("the model needs both", error.Message);
    }

    [Theory]
    [InlineData("""{"target":"sell"}""", "target")]
    [InlineData("""{"topPercent":0}""", "topPercent")]
    [InlineData("""{"topPercent":101}""", "topPercent")]
    [InlineData("""{"horizonDays":0}""", "horizonDays")]
    [InlineData("""{"anchor":"later"}""", "anchor")]
    public void Invalid_options_are_rejected_naming_the_option(string json, string option) =>
        Assert.Contains(option, plugins.ValidationPaths(StageKind.Audience, "propensity-segment", json));

    private static double Figure(SegmentReport report, string name) => report.Figures.Single(f => f.Name == name).Value;

    private Task<SegmentReport> Describe(string options) => AudienceStages.DescribeAsync(Stage(options));

    private Task<string[]> Select(string options) => AudienceStages.SelectIdsAsync(Stage(options), batchSize: 50);

    private IAudienceStage Stage(string options) =>
        plugins.Create<IAudienceStage>(StageKind.Audience, "propensity-segment", options,
            BundledPluginsFixture.Context(Shop, new FakeClock(PlantedShop.Now), plugins.NewDataFolder()));
}

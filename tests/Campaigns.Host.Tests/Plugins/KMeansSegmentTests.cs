using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The <c>kmeans-segment</c> audience, loaded from its build output, on customers with planted groups.</summary>
public sealed class KMeansSegmentTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly InMemoryData Shop = PlantedShop.Data(PlantedShop.ThreeGroups());

    [Fact]
    public async Task Finds_the_planted_groups_chooses_their_number_and_names_them()
    {
        var report = await Describe("{}");

        Assert.Contains("k=3 chosen by the lowest Davies-Bouldin index among k=2..8", report.Title);
        Assert.Equal(
            ["lapsed one-time low spenders", "recent frequent high spenders", "recent one-time low spenders"],
            report.Segments.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(report.Segments, s => Assert.Equal(40, s.Customers));
        // The centroid is shown in a marketer's units: the frequent group has many orders, the one-timers one.
        var frequent = report.Segments.Single(s => s.Name == "recent frequent high spenders");
        Assert.InRange(frequent.Figures.Single(f => f.Name == "orders").Value, 12, 20);
        Assert.InRange(report.Segments.Single(s => s.Name.StartsWith("lapsed", StringComparison.Ordinal)).Figures.Single(f => f.Name == "days since last order").Value, 240, 360);
    }

    [Fact]
    public async Task The_segment_is_exactly_the_picked_cluster_by_name_or_number_and_the_same_for_a_seed()
    {
        Assert.Equal(Ids("fh"), await Select("""{"cluster":"Recent Frequent High Spenders"}"""));
        Assert.Equal(Ids("lo"), await Select("""{"cluster":"lapsed one-time low spenders","seed":3}"""));

        var report = await Describe("{}");
        var second = report.Segments[1].Name;
        var expected = second.StartsWith("lapsed", StringComparison.Ordinal) ? Ids("lo") : second.Contains("frequent", StringComparison.Ordinal) ? Ids("fh") : Ids("no");
        Assert.Equal(expected, await Select("""{"cluster":"2"}"""));
        Assert.Equal(report.Segments.Select(s => s.Name), (await Describe("{}")).Segments.Select(s => s.Name));
    }

    [Fact]
    public async Task A_fixed_k_is_used_as_given()
    {
        var report = await Describe("""{"k":2}""");
        Assert.Contains("k=2 fixed", report.Title);
        Assert.Equal(2, report.Segments.Count);
        Assert.Equal(120, report.Segments.Sum(s => s.Customers));
    }

    [Fact]
    public async Task A_cluster_that_does_not_exist_stops_the_run_naming_the_clusters_that_do()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Select("""{"cluster":"big fans"}"""));
        Assert.Contains("cluster 'big fans' is not among the clusters found", error.Message);
        Assert.Contains("'recent frequent high spenders' (40 customers)", error.Message);

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => Select("{}"));
        Assert.Contains("option 'cluster' is required", missing.Message);
    }

    [Theory]
    [InlineData("""{"k":1}""", "k")]
    [InlineData("""{"kMin":5,"kMax":3}""", "kMin")]
    [InlineData("""{"kMax":21}""", "kMax")]
    [InlineData("""{"anchor":"later"}""", "anchor")]
    public void Invalid_options_are_rejected_naming_the_option(string json, string option) =>
        Assert.Contains(option, plugins.ValidationPaths(StageKind.Audience, "kmeans-segment", json));

    private static string[] Ids(string prefix) => [.. Enumerable.Range(0, 40).Select(i => $"{prefix}{i:D3}")];

    private Task<SegmentReport> Describe(string options) => AudienceStages.DescribeAsync(Stage(options));

    private Task<string[]> Select(string options) => AudienceStages.SelectIdsAsync(Stage(options), batchSize: 16);

    private IAudienceStage Stage(string options) =>
        plugins.Create<IAudienceStage>(StageKind.Audience, "kmeans-segment", options,
            BundledPluginsFixture.Context(Shop, new FakeClock(PlantedShop.Now), plugins.NewDataFolder()));
}

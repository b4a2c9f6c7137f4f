using System.Runtime.CompilerServices;
using Campaigns.Data;
using Campaigns.Stages;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The <c>rule-segment</c> audience of the real Segmentation plugin: mistakes found with their position, rules selecting the right customers.</summary>
public sealed class RuleSegmentTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("oders_90d > 1", "position 1: unknown field 'oders_90d' (did you mean 'orders_90d'?)")]
    [InlineData("orders_90d >= 2 and days_since_last_ordr > 30", "position 21: unknown field 'days_since_last_ordr' (did you mean 'days_since_last_order'?)")]
    [InlineData("orders_90d >= 2 and (orders_total > 3", "position 38: expected ')' but the expression ends")]
    [InlineData("orders_90d >= 'two'", "position 15: '>=' needs a number, but this is text")]
    [InlineData("afinity(\"BAG\") > 0.1", "position 1: unknown function 'afinity' (did you mean 'affinity'?)")]
    [InlineData("affinity(BAG) > 0.1", "position 10: expected a quoted text argument to affinity(...), found 'bag'")]
    [InlineData("orders_90d > 2 && orders_total > 3", "position 16: write 'and' instead of '&&'")]
    [InlineData("orders_total + 1", "position 14: the rule must be a condition (true/false), but this is a number")]
    [InlineData("attr(\"tier\") == 3", "position 17: '==' compares text with a number")]
    [InlineData("orders_total > 0; DROP TABLE profiles", "position 17: unexpected character ';'")]
    [InlineData("affinity", "position 1: unknown field 'affinity' ('affinity' is a function: write affinity(\"...\"))")]
    [InlineData("", "The Expression field is required.")]
    public void Mistakes_are_reported_with_their_position(string expression, string error) =>
        Assert.Equal([error], plugins.Validate(StageKind.Audience, "rule-segment", Options(expression)));

    [Fact]
    public void Validation_errors_name_the_expression_option() =>
        Assert.Equal(["expression"], plugins.ValidationPaths(StageKind.Audience, "rule-segment", Options("orders >= 1")));

    [Theory]
    [InlineData("orders_90d >= 2 and days_since_last_order > 30 and affinity(\"KITCHEN\") > 0.2", "loyal")]
    [InlineData("1 + 2 * 3 == 7 and orders_total >= 10", "big")] // * before +, arithmetic before comparison
    [InlineData("not orders_total > 0 or orders_total == 1", "never,once")] // not (orders_total > 0), then or
    [InlineData("orders_total > 0 and not (orders_total > 1 and orders_90d > 0)", "big,once")]
    [InlineData("days_since_last_order > 30", "big,loyal")] // a customer who never ordered has no value: every comparison is false
    [InlineData("days_since_last_order != 1000", "big,loyal,never,once")]
    [InlineData("affinity(\"no such category\") == 0", "big,loyal,never,once")]
    [InlineData("affinity('kitchen') between 0.2 and 0.5", "loyal")] // category names are not case-sensitive
    [InlineData("attr(\"tier\") == \"GOLD\"", "loyal")] // text compares without regard to case
    [InlineData("attr(\"tier\") == \"\"", "big,never,once")] // a missing attribute is the empty text
    [InlineData("attr(\"tier\") in [\"gold\", \"silver\"] or orders_total in [1, 10]", "big,loyal,once")]
    [InlineData("attr(\"tier\") not in [\"gold\"] and has_tag(\"Lamp\")", "big")]
    [InlineData("open_rate(\"email\") >= 0.5 and sent(\"email\") > 1", "loyal")]
    [InlineData("attr(\"name\") == \"'; DROP TABLE profiles; --\"", "")] // just text
    public async Task Rules_select_the_matching_customers_compiled_and_interpreted_alike(string expression, string expected)
    {
        var ids = expected.Length == 0 ? [] : expected.Split(',');
        Assert.Equal(ids, await SelectAsync(expression, "compiled"));
        Assert.Equal(ids, await SelectAsync(expression, "interpreted"));
    }

    [Fact]
    public async Task A_host_without_profiles_gets_a_clear_error()
    {
        var context = BundledPluginsFixture.Context(new InMemoryData(), new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IAudienceStage>(StageKind.Audience, "rule-segment", Options("orders_total > 1"), context);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stage.PrepareAsync(default).AsTask());
        Assert.Contains("needs customer profiles", error.Message, StringComparison.Ordinal);
    }

    private async Task<string[]> SelectAsync(string expression, string evaluator)
    {
        var data = new InMemoryData();
        data.CustomerList.AddRange([
            new Customer("big"), new Customer("loyal") { Attributes = new Dictionary<string, string> { ["tier"] = "gold" } },
            new Customer("never"), new Customer("once")]);
        var profiles = new Profiles(
            new CustomerProfile("big", Now) { OrdersTotal = 10, Orders90d = 0, DaysSinceLastOrder = 200, InterestTags = ["lamp"] },
            new CustomerProfile("loyal", Now)
            {
                OrdersTotal = 5, Orders90d = 3, DaysSinceLastOrder = 45, CategoryAffinity = new Dictionary<string, double> { ["KITCHEN"] = 0.25 },
                Engagement = new Dictionary<string, ChannelEngagement> { ["email"] = new(4, 0.5, 0.25) },
            },
            new CustomerProfile("never", Now),
            new CustomerProfile("once", Now) { OrdersTotal = 1, Orders90d = 1, DaysSinceLastOrder = 3 });
        var plain = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var context = new StageContext
        {
            Customers = plain.Customers, Catalog = plain.Catalog, Interactions = plain.Interactions, Time = plain.Time,
            Logger = NullLogger.Instance, Run = plain.Run, DataFolder = plain.DataFolder, Profiles = profiles,
        };
        var stage = plugins.Create<IAudienceStage>(StageKind.Audience, "rule-segment",
            $$"""{"expression": {{System.Text.Json.JsonSerializer.Serialize(expression)}}, "evaluator": "{{evaluator}}"}""", context);
        await stage.PrepareAsync(default);
        var selected = new List<string>();
        await foreach (var batch in stage.SelectAsync(new AudienceRequest(2), default)) selected.AddRange(batch.Select(c => c.Id));
        return [.. selected.Order(StringComparer.Ordinal)];
    }

    private static string Options(string expression) => $$"""{"expression": {{System.Text.Json.JsonSerializer.Serialize(expression)}}}""";

    private sealed class Profiles(params CustomerProfile[] profiles) : IProfileReader
    {
        public async IAsyncEnumerable<IReadOnlyList<CustomerProfile>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var chunk in profiles.Chunk(batchSize)) yield return chunk;
            await Task.CompletedTask;
        }

        public Task<IReadOnlyList<CustomerProfile>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CustomerProfile>>([.. profiles.Where(p => ids.Contains(p.CustomerId))]);
    }
}

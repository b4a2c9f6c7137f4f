using System.Text.Json.Nodes;
using Campaigns.Campaign;
using Campaigns.Message;

namespace Campaigns.Core.Tests.Campaign;

public sealed class CampaignCompilerTests
{
    private readonly CampaignCompiler _compiler = new(TestStages.Registry(), TemplateLimits.Default);

    [Fact]
    public void A_valid_definition_compiles_into_its_stages_and_schedule()
    {
        using var template = _compiler.Compile(TestStages.Valid, 4).Template;
        var campaign = _compiler.Compile(TestStages.Valid, 4);
        Assert.Equal("spring-sale", campaign.Id);
        Assert.Equal(4, campaign.Version);
        Assert.Equal("top", campaign.Recommender.Registration.Key);
        Assert.Equal(7, ((TestStages.RecommenderOptions)campaign.Recommender.Options).WindowDays);
        Assert.Equal(30, ((TestStages.AudienceOptions)campaign.Audience.Options).Days);
        Assert.Single(campaign.Rules);
        Assert.Equal("0 10 * * MON", campaign.Schedule.Cron);
        Assert.Equal(3, campaign.Definition.Recommender.Count);
    }

    [Fact]
    public void Every_error_is_reported_with_its_json_path()
    {
        var json = Edit(d =>
        {
            d["id"] = "Bad Id!";
            d["recommender"]!["key"] = "most-popularr";
            d["audience"]!["options"]!["days"] = 0;
            d["rules"]![0]!["key"] = "nope";
            d["schedule"]!["cron"] = "every monday";
            d["schedule"]!["timeZone"] = "Mars/Olympus";
            d["message"]!["templateText"] = "Hi {{ for }}";
            d["colour"] = "blue";
        });

        var errors = _compiler.Validate(json);
        var paths = errors.Select(e => e.Path).ToList();

        Assert.Contains("$.id", paths);
        Assert.Contains("$.colour", paths);
        Assert.Contains("$.schedule.cron", paths);
        Assert.Contains("$.schedule.timeZone", paths);
        Assert.Contains(errors, e => e.Path == "$.recommender.key" && e.Message.Contains("'most-popularr'") && e.Message.Contains("available: top"));
        Assert.Contains(errors, e => e.Path == "$.rules[0].key" && e.Message.Contains("'nope'"));
        Assert.Contains(errors, e => e.Path == "$.audience.options.days" && e.Message.Contains("between 1 and 3650"));
        Assert.Contains(errors, e => e.Path == "$.message.templateText" && e.Message.Contains("(1,"));
    }

    [Fact]
    public void Unknown_and_mistyped_options_name_the_option()
    {
        var unknown = _compiler.Validate(Edit(d => d["recommender"]!["options"]!["windowDayz"] = 3));
        Assert.Contains(unknown, e => e.Path.StartsWith("$.recommender.options", StringComparison.Ordinal) && e.Message.Contains("windowDayz"));

        var mistyped = _compiler.Validate(Edit(d => d["recommender"]!["options"]!["windowDays"] = "seven"));
        Assert.Contains(mistyped, e => e.Path == "$.recommender.options.windowDays");
    }

    [Fact]
    public void Missing_sections_and_bad_json_are_reported_not_thrown()
    {
        var missing = _compiler.Validate("""{ "id": "x" }""");
        foreach (var section in new[] { "$.audience", "$.recommender", "$.message", "$.timing", "$.channel" })
            Assert.Contains(missing, e => e.Path == section && e.Message == "is required");

        var broken = _compiler.Validate("{ \"id\": \"x\",\n  \"name\": }");
        Assert.Single(broken);
        Assert.Contains("line 2", broken[0].Message);

        var ex = Assert.Throws<CampaignDefinitionException>(() => _compiler.Compile("[]", 1));
        Assert.Equal("$", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Count_and_schedule_rules_are_checked()
    {
        var errors = _compiler.Validate(Edit(d =>
        {
            d["recommender"]!["count"] = 0;
            d["schedule"] = new JsonObject { ["type"] = "at" };
        }));
        Assert.Contains(errors, e => e.Path == "$.recommender.count");
        Assert.Contains(errors, e => e.Path == "$.schedule.at" && e.Message.Contains("required"));
    }

    private static string Edit(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(TestStages.Valid)!;
        edit(node);
        return node.ToJsonString();
    }
}

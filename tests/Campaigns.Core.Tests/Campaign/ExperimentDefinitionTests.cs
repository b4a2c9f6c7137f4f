using System.Text.Json.Nodes;
using Campaigns.Campaign;
using Campaigns.Message;

namespace Campaigns.Core.Tests.Campaign;

public sealed class ExperimentDefinitionTests
{
    private readonly CampaignCompiler _compiler = new(TestStages.Registry(), TemplateLimits.Default);

    [Fact]
    public void Each_variant_compiles_its_own_overrides_and_shares_the_rest_with_the_campaign()
    {
        var campaign = _compiler.Compile(WithExperiment("""
            { "variants": [
                { "name": "A" },
                { "name": "B", "weight": 3, "subject": "B for you", "templateText": "B: {{ items[0].title }}",
                  "recommender": { "key": "top", "count": 5, "options": { "windowDays": 3 } } } ],
              "holdout": { "percent": 10 } }
            """), 1);

        var (a, b) = (campaign.Variants[0], campaign.Variants[1]);
        Assert.Equal(("A", 1.0, "B", 3.0), (a.Name, a.Weight, b.Name, b.Weight));
        Assert.Same(campaign.Recommender, a.Recommender);
        Assert.Same(campaign.Template, a.Template);
        Assert.NotSame(campaign.Template, b.Template);
        Assert.Equal(3, ((TestStages.RecommenderOptions)b.Recommender.Options).WindowDays);
        Assert.Equal(5, b.RecommenderReference.Count);
        Assert.Equal("spring-sale", campaign.Definition.Experiment!.Id);
        Assert.Equal(10, campaign.Definition.Experiment.HoldoutPercent);
        Assert.Equal("split", campaign.Definition.Experiment.Allocation.Type);
    }

    [Fact]
    public void A_holdout_only_experiment_has_one_default_variant()
    {
        var campaign = _compiler.Compile(WithExperiment("""{ "id": "q4-lift", "holdout": { "percent": 5 } }"""), 1);
        Assert.Equal("default", Assert.Single(campaign.Variants).Name);
        Assert.Equal("q4-lift", campaign.Definition.Experiment!.Id);
    }

    [Fact]
    public void Invalid_experiment_blocks_name_each_problem_by_json_path()
    {
        var errors = _compiler.Validate(WithExperiment("""
            { "variants": [ { "name": "A", "weight": 0 }, { "name": "A" }, { "name": "holdout" } ],
              "holdout": { "percent": 60 },
              "allocation": { "type": "thompson", "reward": "opens", "explorationFloor": 0.4, "updateEveryHours": 0 },
              "colour": "red" }
            """));

        Assert.Contains(errors, e => e.Path == "$.experiment.variants[0].weight" && e.Message.Contains("more than 0"));
        Assert.Contains(errors, e => e.Path == "$.experiment.variants[1].name" && e.Message.Contains("already named 'A'"));
        Assert.Contains(errors, e => e.Path == "$.experiment.variants[2].name");
        Assert.Contains(errors, e => e.Path == "$.experiment.holdout.percent" && e.Message.Contains("between 0 and 50"));
        Assert.Contains(errors, e => e.Path == "$.experiment.allocation.reward");
        Assert.Contains(errors, e => e.Path == "$.experiment.allocation.explorationFloor" && e.Message.Contains("3 variants"));
        Assert.Contains(errors, e => e.Path == "$.experiment.allocation.updateEveryHours");
        Assert.Contains(errors, e => e.Path == "$.experiment.colour");
    }

    [Fact]
    public void A_variant_stage_is_validated_like_the_campaigns_own()
    {
        var errors = _compiler.Validate(WithExperiment("""
            { "variants": [
                { "name": "A", "recommender": { "key": "top-sellerz" } },
                { "name": "B", "timing": { "key": "never" }, "recommender": { "key": "top", "options": { "windowDays": 999 } } },
                { "name": "C", "subject": "{{ for }}" } ] }
            """));

        Assert.Contains(errors, e => e.Path == "$.experiment.variants[0].recommender.key" && e.Message.Contains("'top-sellerz'") && e.Message.Contains("available: top"));
        Assert.Contains(errors, e => e.Path == "$.experiment.variants[1].timing.key" && e.Message.Contains("'never'"));
        Assert.Contains(errors, e => e.Path.StartsWith("$.experiment.variants[1].recommender.options", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.experiment.variants[2].subject");
    }

    [Fact]
    public void Variant_stages_are_checked_even_when_the_campaigns_own_are_wrong()
    {
        var node = JsonNode.Parse(WithExperiment("""{ "variants": [ { "name": "A", "recommender": { "key": "top-sellerz" } } ] }"""))!;
        node["timing"]!["key"] = "later";
        var errors = _compiler.Validate(node.ToJsonString());
        Assert.Contains(errors, e => e.Path == "$.timing.key");
        Assert.Contains(errors, e => e.Path == "$.experiment.variants[0].recommender.key");
    }

    [Fact]
    public void Thompson_needs_two_variants_and_segments_need_thompson()
    {
        var one = _compiler.Validate(WithExperiment("""{ "variants": [ { "name": "A" } ], "allocation": { "type": "thompson" } }"""));
        Assert.Contains(one, e => e.Path == "$.experiment.allocation.type" && e.Message.Contains("two variants"));
        var split = _compiler.Validate(WithExperiment("""{ "variants": [ { "name": "A" }, { "name": "B" } ], "allocation": { "bySegment": "country" } }"""));
        Assert.Contains(split, e => e.Path == "$.experiment.allocation.bySegment");
    }

    private static string WithExperiment(string experiment)
    {
        var node = JsonNode.Parse(TestStages.Valid)!;
        node["experiment"] = JsonNode.Parse(experiment);
        return node.ToJsonString();
    }
}

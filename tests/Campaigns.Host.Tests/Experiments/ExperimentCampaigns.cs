using System.Text.Json.Nodes;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Experiments;

/// <summary>Experiment definitions built on the bundled sample campaign, for every customer of the sample data.</summary>
internal static class ExperimentCampaigns
{
    /// <summary>Variants A (the campaign as it is) and B (its own subject, template, recommender options and timing), 50/50, 10% holdout.</summary>
    public const string SplitWithHoldout = """
        { "variants": [
            { "name": "A", "subject": "A: {{ items[0].title }}" },
            { "name": "B", "subject": "B: {{ items[0].title }}", "templateText": "B picks for you: {{ items[0].title }}",
              "recommender": { "key": "most-popular", "count": 1, "options": { "windowDays": 365 } },
              "timing": { "key": "bayes-hour-of-week" } } ],
          "holdout": { "percent": 10 } }
        """;

    /// <summary>A/B under Thompson sampling on clicks with a 10% floor.</summary>
    public static string Bandit(string? bySegment = null) =>
        """{ "variants": [ { "name": "A" }, { "name": "B", "subject": "B: {{ items[0].title }}" } ], """ +
        """ "allocation": { "type": "thompson", "reward": "click", "explorationFloor": 0.1, "updateEveryHours": 24""" +
        (bySegment is null ? "" : $", \"bySegment\": \"{bySegment}\"") + " } }";

    /// <summary>The sample campaign under another id, to every customer of the sample, with <paramref name="experiment"/> (none when null).</summary>
    public static string Sample(string id, string? experiment)
    {
        var node = JsonNode.Parse(File.ReadAllText(Repo.SampleCampaign))!;
        node["id"] = id;
        // Every customer who ever bought: clicks planted at the test clock's time must not move the window.
        node["audience"]!["options"] = JsonNode.Parse("""{ "days": 3650, "anchor": "latest-event", "eventTypes": ["purchase"] }""");
        if (experiment is not null) node["experiment"] = JsonNode.Parse(experiment);
        return node.ToJsonString();
    }
}

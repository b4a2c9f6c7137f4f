using System.ComponentModel.DataAnnotations;
using Campaigns.Data;
using Campaigns.Plugins;
using Campaigns.Stages;

namespace Campaigns.Core.Tests.Campaign;

/// <summary>A registry with one stage of each kind, each with validated options, for definition tests.</summary>
internal static class TestStages
{
    public static StageRegistry Registry()
    {
        var registry = new StageRegistry();
        registry.RegisterPlugin("test", stages =>
        {
            stages.AddAudience<AudienceOptions>(new StageInfo("everyone", "all"), (_, _) => throw new InvalidOperationException());
            stages.AddRule<NoOptions>(new StageInfo("vip-only", "vip"), (_, _) => throw new InvalidOperationException());
            stages.AddRecommender<RecommenderOptions>(new StageInfo("top", "top"), (_, _) => throw new InvalidOperationException());
            stages.AddSendTime<NoOptions>(new StageInfo("asap", "now"), (_, _) => throw new InvalidOperationException());
            stages.AddChannel<NoOptions>(new StageInfo("outbox", "file"), (_, _) => throw new InvalidOperationException());
        });
        return registry;
    }

    public const string Valid = """
    {
      "id": "spring-sale",
      "name": "Spring sale",
      "audience": { "key": "everyone", "options": { "days": 30 } },
      "rules": [ { "key": "vip-only" } ],
      "recommender": { "key": "top", "count": 3, "options": { "windowDays": 7 } },
      "message": { "templateText": "Hi {{ customer.first_name }}: {{ for i in items }}{{ i.title }} {{ end }}", "subject": "For you" },
      "timing": { "key": "asap" },
      "channel": { "key": "outbox" },
      "schedule": { "type": "cron", "cron": "0 10 * * MON", "timeZone": "Europe/London" }
    }
    """;

    public sealed class NoOptions;

    public sealed class AudienceOptions
    {
        [Range(1, 3650)] public int Days { get; set; } = 90;
    }

    public sealed class RecommenderOptions
    {
        [Range(1, 365)] public int WindowDays { get; set; } = 30;
        public IReadOnlyList<string> EventTypes { get; set; } = [InteractionTypes.Purchase];
    }
}

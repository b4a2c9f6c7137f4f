using System.ComponentModel.DataAnnotations;
using Campaigns.Data;
using Campaigns.Plugins;
using Campaigns.Stages;

namespace Campaigns.Core.Tests.Evaluation;

/// <summary>A recommender that gives everyone the same list and records what the evaluator showed and asked it.</summary>
internal sealed class FixedListStage(StageContext context, FixedListOptions options) : IRecommenderStage
{
    public static List<FixedListStage> Built { get; } = [];

    public DateTimeOffset? PreparedAt { get; private set; }

    public List<Interaction> TrainingSeen { get; } = [];

    public List<int> Requested { get; } = [];

    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        PreparedAt = context.Time.GetUtcNow();
        await foreach (var batch in context.Interactions.ReadAsync(new InteractionQuery(), 100, cancellationToken)) TrainingSeen.AddRange(batch);
    }

    public Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        Requested.Add(request.Count);
        IReadOnlyList<Recommendation> list = [.. options.Items.Take(request.Count).Select((id, rank) => new Recommendation(id, -rank, "fixed"))];
        return Task.FromResult<IReadOnlyList<IReadOnlyList<Recommendation>>>([.. customers.Select(_ => list)]);
    }

    public static StageRegistry Registry()
    {
        var registry = new StageRegistry();
        registry.RegisterPlugin("test", stages => stages.AddRecommender<FixedListOptions>(new StageInfo("fixed-list", "the same list for everyone"),
            (context, options) =>
            {
                var stage = new FixedListStage(context, options);
                lock (Built) Built.Add(stage);
                return stage;
            }));
        return registry;
    }
}

/// <summary>Options of <see cref="FixedListStage"/>.</summary>
internal sealed class FixedListOptions
{
    [Required, MinLength(1)]
    public string[] Items { get; set; } = ["i1", "i2", "i3"];
}

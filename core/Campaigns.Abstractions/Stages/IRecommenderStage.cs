using Campaigns.Data;

namespace Campaigns.Stages;

/// <summary>Chooses the items each customer should get.</summary>
public interface IRecommenderStage : ICampaignStage
{
    /// <summary>One list per customer, in the order of <paramref name="customers"/>, best first, at most <see cref="RecommendationRequest.Count"/> long.</summary>
    Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken);
}

/// <summary>What the pipeline asks a recommender for.</summary>
/// <param name="Count">How many items per customer.</param>
/// <param name="TriggerItemId">The item that triggered the message, if any; recommenders should not return it.</param>
public sealed record RecommendationRequest(int Count, string? TriggerItemId = null);

/// <summary>One recommended item.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Score">Higher is better; comparable within one list only.</param>
/// <param name="Reason">Short machine-readable reason a template or the dashboard can show, e.g. <c>popular:30d</c>.</param>
public sealed record Recommendation(string ItemId, double Score, string Reason);

using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Message;

/// <summary>Everything a message template may see about one message: nothing else reaches the template.</summary>
/// <param name="Customer">The recipient.</param>
/// <param name="Items">The recommended items, best first, each with the recommender's score and reason.</param>
/// <param name="Campaign">Which campaign this is.</param>
public sealed record MessageModel(Customer Customer, IReadOnlyList<RecommendedItem> Items, CampaignRunInfo Campaign, string CampaignName);

/// <summary>A catalogue item with why it was recommended.</summary>
public sealed record RecommendedItem(CatalogItem Item, Recommendation Recommendation);

/// <summary>A rendered message.</summary>
public sealed record RenderedMessage(string? Subject, string Body);

/// <summary>A template could not be rendered for one message (limit hit, runtime error); the message is not sent.</summary>
public sealed class MessageRenderException(string message, Exception inner) : Exception(message, inner);

using Campaigns.Data;

namespace Campaigns.Storage;

/// <summary>What trigger campaigns read and change beyond planning: cancels, cooldowns and who looked at an item. Implemented by the data layer.</summary>
public interface ITriggerStore
{
    /// <summary>
    /// Suppresses the triggered rows each cancel matches, with its reason: rows of its campaign and customer still
    /// <c>planned</c> (never one a dispatcher claimed), triggered at or before the cancel event, on its item when it names
    /// one. Returns how many rows were cancelled.
    /// </summary>
    Task<int> CancelAsync(IReadOnlyList<TriggerCancel> cancels, CancellationToken cancellationToken);

    /// <summary>The campaign's triggered messages to these customers that are planned, being sent or sent, due at or after <paramref name="since"/> (for cooldowns).</summary>
    Task<IReadOnlyList<TriggeredContact>> RecentAsync(string campaignId, IReadOnlyCollection<string> customerIds, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Stored events of these customers with one of <paramref name="types"/> at or after <paramref name="since"/> (a purchase that came before its cart was planned).</summary>
    Task<IReadOnlyList<Interaction>> EventsOfAsync(IReadOnlyCollection<string> customerIds, IReadOnlyList<string> types, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The customers with an event of one of <paramref name="types"/> on <paramref name="itemId"/> at or after <paramref name="since"/>, ordered by id.</summary>
    Task<IReadOnlyList<string>> EngagedWithAsync(string itemId, IReadOnlyList<string> types, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>A cancel event for one customer of one trigger campaign.</summary>
/// <param name="CampaignId">The trigger campaign.</param>
/// <param name="CustomerId">Whose planned message it cancels.</param>
/// <param name="ItemId">Only messages triggered by this item; null for any.</param>
/// <param name="At">When the cancel event happened: only messages triggered at or before it are cancelled.</param>
/// <param name="Reason">Stored as the row's reason, e.g. <c>cancelled:purchase</c>.</param>
public sealed record TriggerCancel(string CampaignId, string CustomerId, string? ItemId, DateTimeOffset At, string Reason);

/// <summary>A triggered message already in the ledger.</summary>
/// <param name="CustomerId">The recipient.</param>
/// <param name="Occurrence">Its occurrence (moment) id.</param>
/// <param name="SendAt">When it is (or was) due.</param>
public sealed record TriggeredContact(string CustomerId, string Occurrence, DateTimeOffset SendAt);

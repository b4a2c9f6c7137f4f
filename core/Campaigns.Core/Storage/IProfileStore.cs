using Campaigns.Data;

namespace Campaigns.Storage;

/// <summary>The <c>profiles</c> table: read by segments (through <see cref="IProfileReader"/>), written by the profile computer.</summary>
public interface IProfileStore : IProfileReader
{
    /// <summary>Inserts or replaces the profiles, in one transaction.</summary>
    Task UpsertAsync(IReadOnlyList<CustomerProfile> profiles, CancellationToken cancellationToken);
}

/// <summary>What a profile is computed from, read per batch of customers in a few queries.</summary>
public interface IProfileSource
{
    /// <summary>The events and sent messages of each of <paramref name="customers"/>, in that order.</summary>
    Task<IReadOnlyList<ProfileInput>> ReadAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken);
}

/// <summary>One customer's history as the profile needs it.</summary>
/// <param name="Customer">The customer (time zone for activity hours).</param>
/// <param name="Events">Every stored event of the customer, with its id (tracking ids tie opens and clicks to messages).</param>
/// <param name="Sent">Every message of the ledger in state <c>sent</c> to the customer.</param>
public sealed record ProfileInput(Customer Customer, IReadOnlyList<StoredEvent> Events, IReadOnlyList<SentMessage> Sent);

/// <summary>A sent message: its ledger key and channel kind.</summary>
public sealed record SentMessage(string Key, string ChannelKind);

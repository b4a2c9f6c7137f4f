namespace Campaigns.Storage;

/// <summary>What customers did before, as the planner's business filters need it; implemented by the data layer.</summary>
public interface ICustomerHistory
{
    /// <summary>
    /// Per customer of <paramref name="customerIds"/> with at least one purchase at or after <paramref name="since"/>, the
    /// ids of the items bought; customers without such purchases are left out. One query for the whole collection.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> PurchasedSinceAsync(
        IReadOnlyCollection<string> customerIds, DateTimeOffset since, CancellationToken cancellationToken);
}

namespace Campaigns.Privacy;

/// <summary>
/// What the planner asks of the suppression list: the reason, if any, each of a batch's customers may not be sent on a
/// channel kind (by id or by erased hash). <see cref="SuppressionCheck"/> asks the database; trigger micro-batches answer
/// from one prefetch.
/// </summary>
public interface ISuppressionLookup
{
    /// <summary>The listed customers among <paramref name="customerIds"/>, each with the reason that counts.</summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyList<string> customerIds, string channelKind, CancellationToken cancellationToken);
}

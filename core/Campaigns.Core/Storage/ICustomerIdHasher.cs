namespace Campaigns.Storage;

/// <summary>
/// Turns customer ids into the hashed ids that erased customers leave behind (HMAC-SHA256 with the installation's
/// secret, so an id cannot be found again by hashing guesses without the secret).
/// </summary>
public interface ICustomerIdHasher
{
    /// <summary>The hashed id of each id, in order.</summary>
    ValueTask<IReadOnlyList<string>> HashAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken);
}

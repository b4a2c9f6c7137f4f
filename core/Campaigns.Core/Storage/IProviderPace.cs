namespace Campaigns.Storage;

/// <summary>
/// The shared pace of each provider, so that all campaigns on all hosts together keep to its rate limit: permits are
/// handed out one spacing apart from a single row per provider, and a provider that answered 429 is paused for everyone.
/// </summary>
public interface IProviderPace
{
    /// <summary>
    /// Reserves <paramref name="count"/> consecutive send permits, <paramref name="spacing"/> apart, starting no earlier
    /// than <paramref name="now"/>, the provider's last permit plus one spacing, or the end of its pause. Returns the first permit's instant.
    /// </summary>
    Task<DateTimeOffset> ReserveAsync(string provider, int count, TimeSpan spacing, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Hands out no permit before <paramref name="until"/> (a provider's Retry-After), for every campaign and host.</summary>
    Task PauseAsync(string provider, DateTimeOffset until, CancellationToken cancellationToken);
}

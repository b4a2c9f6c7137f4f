namespace Campaigns.Storage;

/// <summary>API keys of the writers of the event and catalog API, kept only as SHA-256 hashes.</summary>
public interface IApiKeyStore
{
    /// <summary>Creates a key named <paramref name="name"/>; returns the key (shown once, never stored) or null when the name is taken.</summary>
    Task<string?> CreateAsync(string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken);

    /// <summary>The live (not revoked) key matching <paramref name="key"/>, or null.</summary>
    Task<ApiKey?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every key, revoked ones too, by name.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the key named <paramref name="name"/>; false when there is no live key of that name.</summary>
    Task<bool> RevokeAsync(string name, CancellationToken cancellationToken);
}

/// <summary>An API key's name, what it may do and when it was created and revoked.</summary>
public sealed record ApiKey(string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The scopes an API key may hold.</summary>
public static class ApiScopes
{
    /// <summary>May post behaviour events.</summary>
    public const string EventsWrite = "events:write";
    /// <summary>May upsert customers.</summary>
    public const string CustomersWrite = "customers:write";
    /// <summary>May upsert catalog items.</summary>
    public const string CatalogWrite = "catalog:write";
    /// <summary>May erase customers (used by the privacy API).</summary>
    public const string CustomersErase = "customers:erase";
    /// <summary>May read, add and lift suppression list entries (complaints and unsubscribes from elsewhere).</summary>
    public const string SuppressionsManage = "suppressions:manage";
    /// <summary>May read experiment reports.</summary>
    public const string ReportsRead = "reports:read";
    /// <summary>May read segment reports (clusters, propensity figures).</summary>
    public const string SegmentsRead = "segments:read";

    /// <summary>Every scope.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { EventsWrite, CustomersWrite, CatalogWrite, CustomersErase, SuppressionsManage, ReportsRead, SegmentsRead };
}

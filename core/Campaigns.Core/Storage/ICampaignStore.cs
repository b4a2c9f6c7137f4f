namespace Campaigns.Storage;

/// <summary>Versioned campaign definitions. Saving a definition whose content changed creates a new version.</summary>
public interface ICampaignStore
{
    /// <summary>
    /// Stores <paramref name="definitionJson"/> for <paramref name="campaignId"/>. When the latest stored version has the
    /// same content hash, nothing is written and that version is returned; otherwise version = latest + 1.
    /// </summary>
    Task<StoredCampaign> SaveAsync(string campaignId, string definitionJson, CancellationToken cancellationToken);

    /// <summary>The newest version of a campaign, or null.</summary>
    Task<StoredCampaign?> GetLatestAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>One version of a campaign, or null.</summary>
    Task<StoredCampaign?> GetAsync(string campaignId, int version, CancellationToken cancellationToken);

    /// <summary>The newest version of every campaign, ordered by id.</summary>
    Task<IReadOnlyList<StoredCampaign>> ListLatestAsync(CancellationToken cancellationToken);
}

/// <summary>One stored version of a campaign definition.</summary>
public sealed record StoredCampaign(string Id, int Version, string DefinitionJson, string ContentHash, DateTimeOffset CreatedAt);

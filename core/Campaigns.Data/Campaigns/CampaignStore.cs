using System.Data.Common;
using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Campaigns;

/// <summary>Versioned campaign definitions: a new version only when the content changed, safe when hosts save at once.</summary>
internal sealed class CampaignStore(ISqlDatabase database, TimeProvider time) : ICampaignStore
{
    // Each conflict means another writer stored a version in between; a handful of rounds settles any realistic race.
    private const int MaxAttempts = 10;

    public async Task<StoredCampaign> SaveAsync(string campaignId, string definitionJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentNullException.ThrowIfNull(definitionJson);
        var hash = CampaignRow.HashOf(definitionJson);
        for (var attempt = 1; ; attempt++)
        {
            var latest = await GetLatestAsync(campaignId, cancellationToken);
            if (latest is not null && latest.ContentHash == hash)
                return latest;
            var createdAt = UnixMs.From(time.GetUtcNow());
            var version = (latest?.Version ?? 0) + 1;
            try
            {
                await using var scope = await database.BeginWriteAsync(cancellationToken);
                await scope.Connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO campaigns (id, version, definition, content_hash, created_at) VALUES (@campaignId, @version, @definitionJson, @hash, @createdAt)",
                    new { campaignId, version, definitionJson, hash, createdAt }, scope.Transaction, cancellationToken: cancellationToken));
                await scope.CommitAsync(cancellationToken);
                return new StoredCampaign(campaignId, version, definitionJson, hash, UnixMs.ToTime(createdAt));
            }
            catch (DbException e) when (database.IsUniqueViolation(e) && attempt < MaxAttempts)
            {
                // Another host stored this version first (the primary key (id, version) refused ours): read the latest again.
            }
        }
    }

    public async Task<StoredCampaign?> GetLatestAsync(string campaignId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {CampaignRow.Columns} FROM campaigns WHERE id = @campaignId ORDER BY version DESC LIMIT 1", new { campaignId }, cancellationToken);
        return rows.Count == 0 ? null : rows[0].ToCampaign();
    }

    public async Task<StoredCampaign?> GetAsync(string campaignId, int version, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {CampaignRow.Columns} FROM campaigns WHERE id = @campaignId AND version = @version", new { campaignId, version }, cancellationToken);
        return rows.Count == 0 ? null : rows[0].ToCampaign();
    }

    public async Task<IReadOnlyList<StoredCampaign>> ListLatestAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {CampaignRow.Columns} FROM campaigns c WHERE version = (SELECT MAX(version) FROM campaigns v WHERE v.id = c.id) ORDER BY id",
            null, cancellationToken);
        return rows.ConvertAll(r => r.ToCampaign());
    }

    private async Task<List<CampaignRow>> QueryAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CampaignRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

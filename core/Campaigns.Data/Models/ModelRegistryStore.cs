using System.Security.Cryptography;
using System.Text;
using Campaigns.Data.Access;
using Campaigns.Models;
using Dapper;

namespace Campaigns.Data.Models;

/// <summary>
/// The model registry over either database. Every write of a stage and options hash takes the pair's lock first (a
/// transaction-scoped advisory lock on PostgreSQL; SQLite's write transactions are exclusive anyway), so version
/// numbers, promotions and rollbacks of two hosts happen one after the other; the partial unique index on live rows
/// is the backstop.
/// </summary>
internal sealed class ModelRegistryStore(ISqlDatabase database) : IModelRegistry
{
    public async Task<StoredModel> AddCandidateAsync(ModelCandidate candidate, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await using var write = await LockedAsync(candidate.StageKey, candidate.OptionsHash, ct);
        var version = 1 + await write.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM models WHERE stage_key = @StageKey AND options_hash = @OptionsHash",
            new { candidate.StageKey, candidate.OptionsHash }, write.Transaction, cancellationToken: ct));
        var id = await write.Connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO models (stage_key, options_hash, options, version, status, data_from, data_until, gate_metric, metrics, stats,
                                format, artefact, sha256, size, created_at)
            VALUES (@StageKey, @OptionsHash, @Options, @version, 'candidate', @from, @until, @GateMetric, @metrics, @stats,
                    @Format, @Artefact, @sha256, @size, @created)
            RETURNING id
            """, new
        {
            candidate.StageKey, candidate.OptionsHash, candidate.Options, version, from = UnixMs.From(candidate.DataFrom), until = UnixMs.From(candidate.DataUntil),
            candidate.GateMetric, metrics = ModelRow.Json(candidate.Metrics), stats = ModelRow.Json(candidate.Stats), candidate.Format,
            candidate.Artefact, sha256 = Hash(candidate.Artefact), size = (long)candidate.Artefact.Length, created = UnixMs.From(now),
        }, write.Transaction, cancellationToken: ct));
        await write.CommitAsync(ct);
        return await GetAsync(id, ct) ?? throw new InvalidOperationException($"model {id} vanished");
    }

    public async Task<StoredModel> DecideAsync(long candidateId, long? expectedLiveId, bool promote, string reason, CancellationToken ct)
    {
        var candidate = await GetAsync(candidateId, ct) ?? throw new ModelException($"there is no model {candidateId}");
        await using var write = await LockedAsync(candidate.StageKey, candidate.OptionsHash, ct);
        var live = await LiveAsync(write, candidate.StageKey, candidate.OptionsHash, ct);
        if (live?.Id != expectedLiveId)
            (promote, reason) = (false, $"superseded: {(live is null ? "the live version was rolled back" : live.Label + " went live")} while this one was measured; {reason}");
        if (promote && live is not null) await SetStatusAsync(write, live.Id, ModelStatus.Retired, $"replaced by v{candidate.Version}", ct);
        await SetStatusAsync(write, candidateId, promote ? ModelStatus.Live : ModelStatus.Rejected, reason, ct);
        await write.CommitAsync(ct);
        return (await GetAsync(candidateId, ct))!;
    }

    public async Task<StoredModel> RollbackAsync(string stageKey, string optionsHash, int version, string reason, CancellationToken ct)
    {
        await using var write = await LockedAsync(stageKey, optionsHash, ct);
        var rows = (await write.Connection.QueryAsync<ModelRow>(new CommandDefinition(
            $"SELECT {ModelRow.Columns} FROM models WHERE stage_key = @stageKey AND options_hash = @optionsHash ORDER BY version",
            new { stageKey, optionsHash }, write.Transaction, cancellationToken: ct))).Select(r => r.ToModel()).ToList();
        var target = rows.FirstOrDefault(m => m.Version == version)
            ?? throw new ModelException($"{stageKey} ({optionsHash}) has no version {version}; its versions are: {(rows.Count == 0 ? "none" : string.Join(", ", rows.Select(m => m.Version)))}");
        if (target.Status == ModelStatus.Live) throw new ModelException($"{target.Label} is live already");
        if (rows.FirstOrDefault(m => m.Status == ModelStatus.Live) is { } live)
            await SetStatusAsync(write, live.Id, ModelStatus.Retired, $"rolled back to v{version}", ct);
        await SetStatusAsync(write, target.Id, ModelStatus.Live, reason, ct);
        await write.CommitAsync(ct);
        return (await GetAsync(target.Id, ct))!;
    }

    public async Task<StoredModel?> GetLiveAsync(string stageKey, string optionsHash, CancellationToken ct) =>
        (await QueryAsync("stage_key = @stageKey AND options_hash = @optionsHash AND status = 'live'", new { stageKey, optionsHash }, ct)).FirstOrDefault();

    public async Task<StoredModel?> GetAsync(long id, CancellationToken ct) => (await QueryAsync("id = @id", new { id }, ct)).FirstOrDefault();

    public async Task<byte[]> GetArtefactAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<(byte[] Artefact, string Sha256)>(new CommandDefinition(
            "SELECT artefact, sha256 FROM models WHERE id = @id", new { id }, cancellationToken: ct))).ToList();
        if (rows.Count == 0) throw new ModelException($"there is no model {id}");
        var found = rows[0];
        if (Hash(found.Artefact) != found.Sha256) throw new ModelException($"model {id}: the stored artefact does not match its SHA-256; retrain or roll back to another version");
        return found.Artefact;
    }

    public async Task<IReadOnlyList<StoredModel>> ListAsync(string? stageKey, CancellationToken ct) =>
        await QueryAsync("(@stageKey IS NULL OR stage_key = @stageKey)", new { stageKey }, ct);

    private async Task<List<StoredModel>> QueryAsync(string where, object parameters, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. (await connection.QueryAsync<ModelRow>(new CommandDefinition(
            $"SELECT {ModelRow.Columns} FROM models WHERE {where} ORDER BY stage_key, options_hash, version", parameters, cancellationToken: ct))).Select(r => r.ToModel())];
    }

    private static async Task<StoredModel?> LiveAsync(WriteScope write, string stageKey, string optionsHash, CancellationToken ct) =>
        (await write.Connection.QueryAsync<ModelRow>(new CommandDefinition(
            $"SELECT {ModelRow.Columns} FROM models WHERE stage_key = @stageKey AND options_hash = @optionsHash AND status = 'live'",
            new { stageKey, optionsHash }, write.Transaction, cancellationToken: ct))).FirstOrDefault()?.ToModel();

    private static Task SetStatusAsync(WriteScope write, long id, string status, string reason, CancellationToken ct) =>
        write.Connection.ExecuteAsync(new CommandDefinition("UPDATE models SET status = @status, reason = @reason WHERE id = @id",
            new { id, status, reason }, write.Transaction, cancellationToken: ct));

    /// <summary>A write transaction holding the lock of one stage and options hash until it ends.</summary>
    private async Task<WriteScope> LockedAsync(string stageKey, string optionsHash, CancellationToken ct)
    {
        var write = await database.BeginWriteAsync(ct);
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"models:{stageKey}:{optionsHash}")));
            await write.Connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key }, write.Transaction, cancellationToken: ct));
        }
        return write;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

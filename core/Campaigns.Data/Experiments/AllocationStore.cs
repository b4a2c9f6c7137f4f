using System.Text.Json;
using Campaigns.Data.Access;
using Campaigns.Learning;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Experiments;

/// <summary>Allocation rounds over either database; shares and arm statistics are JSON text.</summary>
internal sealed class AllocationStore(ISqlDatabase database) : IAllocationStore
{
    private const string Columns = "experiment_id AS ExperimentId, campaign_id AS CampaignId, segment AS Segment, round AS Round, " +
        "shares AS Shares, arms AS Arms, computed_at AS ComputedAt";

    public async Task<bool> AddAsync(AllocationRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var inserted = await write.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO allocation_rounds (experiment_id, segment, round, campaign_id, shares, arms, computed_at)
            VALUES (@ExperimentId, @Segment, @Round, @CampaignId, @Shares, @Arms, @ComputedAt)
            ON CONFLICT (experiment_id, segment, round) DO NOTHING
            """, new
        {
            round.ExperimentId, round.Segment, round.Round, round.CampaignId,
            Shares = JsonSerializer.Serialize(round.Shares), Arms = JsonSerializer.Serialize(round.Arms), ComputedAt = UnixMs.From(round.ComputedAt),
        }, write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
        return inserted == 1;
    }

    public Task<IReadOnlyList<AllocationRound>> LatestAsync(string experimentId, CancellationToken cancellationToken) => QueryAsync(
        $"SELECT {Columns} FROM allocation_rounds r WHERE experiment_id = @experimentId AND round = " +
        "(SELECT MAX(round) FROM allocation_rounds l WHERE l.experiment_id = r.experiment_id AND l.segment = r.segment) ORDER BY segment",
        experimentId, cancellationToken);

    public Task<IReadOnlyList<AllocationRound>> ListAsync(string experimentId, CancellationToken cancellationToken) => QueryAsync(
        $"SELECT {Columns} FROM allocation_rounds WHERE experiment_id = @experimentId ORDER BY computed_at, segment, round",
        experimentId, cancellationToken);

    private async Task<IReadOnlyList<AllocationRound>> QueryAsync(string sql, string experimentId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { experimentId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToRound())];
    }

    private sealed class Row
    {
        public string ExperimentId { get; set; } = "";
        public string CampaignId { get; set; } = "";
        public string Segment { get; set; } = "";
        public int Round { get; set; }
        public string Shares { get; set; } = "[]";
        public string Arms { get; set; } = "[]";
        public long ComputedAt { get; set; }

        public AllocationRound ToRound() => new(ExperimentId, CampaignId, Segment, Round,
            JsonSerializer.Deserialize<ArmShare[]>(Shares) ?? [], JsonSerializer.Deserialize<ArmStats[]>(Arms) ?? [], UnixMs.ToTime(ComputedAt));
    }
}

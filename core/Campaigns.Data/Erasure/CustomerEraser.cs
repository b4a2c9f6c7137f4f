using Campaigns.Data.Access;
using Campaigns.Privacy;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Erasure;

/// <summary>Runs <see cref="ErasureSteps.All"/> for one customer in one write transaction.</summary>
internal sealed class CustomerEraser(ISqlDatabase database, ICustomerIdHasher hasher, TimeProvider time) : ICustomerEraser
{
    public async Task<ErasureReport> EraseAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        // Hash before taking the writer: on first use the hasher stores the installation's secret with a write of its own.
        var hashed = (await hasher.HashAsync([customerId], cancellationToken))[0];
        await using var write = await database.BeginWriteAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Deleted content is overwritten with zeros instead of lingering in free pages of the file.
            await write.Connection.ExecuteAsync(new CommandDefinition("PRAGMA secure_delete = ON", transaction: write.Transaction, cancellationToken: cancellationToken));
        }
        var erasedBefore = await write.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM suppressions WHERE customer_id = @hashed AND channel_kind = @all AND reason = @erased",
            new { hashed, all = SuppressionReasons.AllKinds, erased = SuppressionReasons.Erased }, write.Transaction, cancellationToken: cancellationToken)) > 0;

        var context = new ErasureContext(write, customerId, hashed, UnixMs.From(time.GetUtcNow()), hasher, cancellationToken);
        var steps = new List<ErasureStepResult>(ErasureSteps.All.Count);
        var found = 0;
        foreach (var step in ErasureSteps.All)
        {
            var rows = await step.Run(context);
            if (step.FindsData) found += rows;
            steps.Add(new ErasureStepResult(step.Table, step.Action, rows));
        }

        // Nothing of the customer found: write nothing, not even the hashed entry (disposing rolls back).
        if (found == 0)
            return new ErasureReport(erasedBefore ? ErasureOutcome.AlreadyErased : ErasureOutcome.Unknown, hashed, steps.Select(s => s with { Rows = 0 }).ToList());
        await write.CommitAsync(cancellationToken);
        return new ErasureReport(ErasureOutcome.Erased, hashed, steps);
    }
}

namespace Campaigns.Storage;

/// <summary>
/// The right to be forgotten: removes a customer's personal data from every table the product owns, in one
/// transaction, and keeps only what counts need under a hashed id (docs/consent.md).
/// </summary>
public interface ICustomerEraser
{
    /// <summary>Erases <paramref name="customerId"/>; harmless when repeated.</summary>
    Task<ErasureReport> EraseAsync(string customerId, CancellationToken cancellationToken);
}

/// <summary>What one erasure did.</summary>
/// <param name="Outcome">Whether anything was found.</param>
/// <param name="HashedId">The id the kept rows now carry.</param>
/// <param name="Steps">Rows touched per table, in the order the steps ran.</param>
public sealed record ErasureReport(ErasureOutcome Outcome, string HashedId, IReadOnlyList<ErasureStepResult> Steps);

/// <summary>One table's share of an erasure.</summary>
/// <param name="Table">The table.</param>
/// <param name="Action">What was done to it, in words (<c>deleted</c>, <c>anonymised</c>...).</param>
/// <param name="Rows">Rows deleted or rewritten.</param>
public sealed record ErasureStepResult(string Table, string Action, int Rows);

/// <summary>How an erasure went.</summary>
public enum ErasureOutcome
{
    /// <summary>The customer's data was found and erased.</summary>
    Erased,

    /// <summary>Nothing left: the id was erased before.</summary>
    AlreadyErased,

    /// <summary>No table holds anything of this id; nothing was written.</summary>
    Unknown,
}

using Campaigns.Storage;

namespace Campaigns.Data.Ledger;

/// <summary>The two ledger operations whose locking differs per database: claiming due rows and completing claimed ones.</summary>
internal interface ILedgerClaims
{
    /// <summary>Moves up to <see cref="ClaimRequest.Max"/> due rows to sending and returns them.</summary>
    Task<List<DeliveryRow>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Applies the completions of rows still in sending and writes one outcome row for each; returns how many applied.</summary>
    Task<int> CompleteAsync(IReadOnlyList<LedgerCompletion> completions, CancellationToken cancellationToken);
}

namespace Campaigns.Storage;

/// <summary>
/// Purchases in a window after a decision, whether or not a message led to them: how an experiment measures
/// conversion the same way for every arm, the holdout included (it gets no message, so no attribution).
/// </summary>
public interface IPurchaseWindows
{
    /// <summary>Per window, in order: the customer's purchase events in [From, To) and their revenue. One query per call.</summary>
    Task<IReadOnlyList<PurchaseTotal>> TotalsAsync(IReadOnlyList<PurchaseWindow> windows, CancellationToken cancellationToken);
}

/// <summary>A customer and the period in which their purchases count.</summary>
public sealed record PurchaseWindow(string CustomerId, DateTimeOffset From, DateTimeOffset To);

/// <summary>Purchase events in a window and their revenue (quantity × value).</summary>
public readonly record struct PurchaseTotal(int Purchases, decimal Revenue);

using Campaigns.Data;

namespace Campaigns.Events;

/// <summary>
/// What one write to the product committed: behaviour events, customer upserts and catalog changes. Observers see it
/// only after the transaction committed, and only the records that were new (a duplicate event id is not repeated).
/// </summary>
/// <param name="Events">Events stored by this write, in the order they were sent.</param>
/// <param name="Customers">Customers created or updated, as stored after the write.</param>
/// <param name="Catalog">Catalog items created or updated, with what they were before.</param>
/// <param name="AcceptedAt">When the write committed: the start of trigger latency.</param>
public sealed record AcceptedBatch(
    IReadOnlyList<Interaction> Events,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<CatalogChange> Catalog,
    DateTimeOffset AcceptedAt);

/// <summary>A catalog item as stored after an upsert, with the price and stock it had before (null when it is new).</summary>
public sealed record CatalogChange(CatalogItem Item, decimal? PreviousPrice, int? PreviousStock)
{
    /// <summary>
    /// When the change was stored (null when the writer did not say): a back-in-stock or price-drop moment happens then,
    /// so the live path and a replay from <c>catalog_changes</c> name the same occurrence.
    /// </summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The change can start a moment (back in stock or cheaper): such changes are kept for replays.</summary>
    public bool IsMoment => BackInStock || PriceDropped;

    /// <summary>The item was out of stock (0) and now has some.</summary>
    public bool BackInStock => PreviousStock == 0 && Item.Stock is > 0;

    /// <summary>The price went down.</summary>
    public bool PriceDropped => PreviousPrice is { } before && Item.Price < before;
}

namespace Campaigns.Data;

/// <summary>An item of the shop's catalogue.</summary>
/// <param name="Id">The shop's item id (SKU, stock code).</param>
/// <param name="Title">The title shown to customers.</param>
public sealed record CatalogItem(string Id, string Title)
{
    /// <summary>Longer description, when known.</summary>
    public string? Description { get; init; }

    /// <summary>Category, when known.</summary>
    public string? Category { get; init; }

    /// <summary>Current unit price.</summary>
    public decimal Price { get; init; }

    /// <summary>Units in stock; null when the shop does not track stock.</summary>
    public int? Stock { get; init; }

    /// <summary>Tags such as <c>new</c> or <c>promo</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Absolute URL of the item's image, when known.</summary>
    public string? ImageUrl { get; init; }
}

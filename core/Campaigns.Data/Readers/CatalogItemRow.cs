using Campaigns.Data.Access;

namespace Campaigns.Data.Readers;

/// <summary>A <c>catalog_items</c> row as Dapper materializes it.</summary>
internal sealed class CatalogItemRow
{
    public const string Select =
        "SELECT id AS Id, title AS Title, description AS Description, category AS Category, price AS Price, stock AS Stock, tags AS Tags, image_url AS ImageUrl FROM catalog_items";

    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Category { get; set; }
    public decimal Price { get; set; }
    public int? Stock { get; set; }
    public string? Tags { get; set; }
    public string? ImageUrl { get; set; }

    public CatalogItem ToItem() => new(Id, Title)
    {
        Description = Description,
        Category = Category,
        Price = Price,
        Stock = Stock,
        Tags = JsonColumn.ReadList(Tags),
        ImageUrl = ImageUrl,
    };
}

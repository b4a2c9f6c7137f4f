using Campaigns.Data;

namespace Campaigns.Ingest;

/// <summary>
/// A catalog item upsert as a writer sent it. Fields not sent keep their stored value, so a stock feed may send only
/// <c>{ "id", "stock" }</c>; a new item needs a title and a price. Tags, when sent, replace the stored list.
/// </summary>
/// <param name="Id">The shop's item id.</param>
public sealed record ItemPatch(string Id)
{
    /// <summary>Title shown to customers.</summary>
    public string? Title { get; init; }

    /// <summary>Description; null clears it.</summary>
    public Sent<string?>? Description { get; init; }

    /// <summary>Category; null clears it.</summary>
    public Sent<string?>? Category { get; init; }

    /// <summary>Unit price, at least 0.</summary>
    public decimal? Price { get; init; }

    /// <summary>Units in stock (at least 0), or null when the shop stops tracking stock.</summary>
    public Sent<int?>? Stock { get; init; }

    /// <summary>Tags; replace the stored list.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Absolute image URL; null clears it.</summary>
    public Sent<string?>? ImageUrl { get; init; }

    /// <summary>The item as stored after this patch, or the field missing for a new item.</summary>
    public (CatalogItem? Item, string? MissingField) ApplyTo(CatalogItem? stored)
    {
        if (stored is null && Title is null) return (null, "title");
        if (stored is null && Price is null) return (null, "price");
        var before = stored ?? new CatalogItem(Id, Title!);
        return (before with
        {
            Title = Title ?? before.Title,
            Description = Description is { } description ? description.Value : before.Description,
            Category = Category is { } category ? category.Value : before.Category,
            Price = Price ?? before.Price,
            Stock = Stock is { } stock ? stock.Value : before.Stock,
            Tags = Tags ?? before.Tags,
            ImageUrl = ImageUrl is { } image ? image.Value : before.ImageUrl,
        }, null);
    }
}

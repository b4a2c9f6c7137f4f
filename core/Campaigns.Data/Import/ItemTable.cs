using Campaigns.Data.Access;
using Campaigns.Data.Bulk;

namespace Campaigns.Data.Import;

/// <summary>How a <see cref="CatalogItem"/> is written to the <c>catalog_items</c> table.</summary>
internal static class ItemTable
{
    public static TableSpec<CatalogItem> Spec(long now) => new("catalog_items",
    [
        Column.Text<CatalogItem>("id", i => i.Id),
        Column.Text<CatalogItem>("title", i => i.Title),
        Column.Text<CatalogItem>("description", i => i.Description),
        Column.Text<CatalogItem>("category", i => i.Category),
        Column.Numeric<CatalogItem>("price", i => i.Price),
        Column.NullableInt<CatalogItem>("stock", i => i.Stock),
        Column.Text<CatalogItem>("tags", i => JsonColumn.Write(i.Tags)),
        Column.Text<CatalogItem>("image_url", i => i.ImageUrl),
        Column.Long<CatalogItem>("created_at", _ => now, keepOnUpdate: true),
        Column.Long<CatalogItem>("updated_at", _ => now),
    ]);
}

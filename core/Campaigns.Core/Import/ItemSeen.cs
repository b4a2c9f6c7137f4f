using Campaigns.Data;

namespace Campaigns.Import;

/// <summary>
/// What the first pass learnt about one Online Retail stock code. The catalogue gets the latest positive price and
/// the description of the latest priced line: zero-price lines are adjustments whose descriptions are often notes
/// ("damaged", "?"), so they only name an item that was never sold at a price.
/// </summary>
internal sealed class ItemSeen
{
    private decimal _price;
    private DateTimeOffset _priceAt = DateTimeOffset.MinValue;
    private string? _pricedTitle, _anyTitle;
    private DateTimeOffset _pricedTitleAt = DateTimeOffset.MinValue, _anyTitleAt = DateTimeOffset.MinValue;

    /// <summary>Takes in one line; a later (or equally timed, later in the file) line wins.</summary>
    public void Observe(string description, decimal unitPrice, DateTimeOffset at)
    {
        if (unitPrice > 0 && at >= _priceAt) (_price, _priceAt) = (unitPrice, at);
        if (description.Length == 0) return;
        if (unitPrice > 0 && at >= _pricedTitleAt) (_pricedTitle, _pricedTitleAt) = (description, at);
        if (at >= _anyTitleAt) (_anyTitle, _anyTitleAt) = (description, at);
    }

    /// <summary>The catalogue item; an item never described is titled with its stock code.</summary>
    public CatalogItem ToItem(string stockCode) => new(stockCode, _pricedTitle ?? _anyTitle ?? stockCode) { Price = _price };
}

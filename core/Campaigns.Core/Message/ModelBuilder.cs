using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Campaigns.Data;
using Campaigns.Stages;
using Scriban.Runtime;

namespace Campaigns.Message;

/// <summary>
/// Builds the detached, allow-listed model a template sees. Item objects are built once per (item, reason) and shared
/// read-only across messages, which is what makes rendering a million messages cheap.
/// </summary>
internal sealed class ModelBuilder(bool html)
{
    private const int MaxCachedItems = 100_000;
    private readonly ConcurrentDictionary<(string, string), ScriptObject> _items = new();
    private CachedCampaign? _campaign; // a reference, so threads swap it atomically

    public bool Html { get; } = html;

    public ScriptObject Build(MessageModel model)
    {
        var items = new ScriptArray(model.Items.Count);
        foreach (var item in model.Items) items.Add(Item(item));
        var globals = new ScriptObject(4)
        {
            ["customer"] = Customer(model.Customer),
            ["items"] = items,
            ["campaign"] = Campaign(model),
        };
        return globals;
    }

    private ScriptObject Customer(Customer customer)
    {
        var attributes = new ScriptObject(customer.Attributes.Count);
        foreach (var (key, value) in customer.Attributes) attributes[key] = Text(value);
        attributes.IsReadOnly = true;
        var o = new ScriptObject(8)
        {
            ["id"] = Text(customer.Id),
            ["email"] = Text(customer.Email),
            ["first_name"] = Text(customer.Attributes.GetValueOrDefault("first_name")),
            ["locale"] = Text(customer.Locale),
            ["time_zone"] = Text(customer.TimeZone),
            ["country"] = Text(customer.Attributes.GetValueOrDefault("country")),
            ["attributes"] = attributes,
        };
        o.IsReadOnly = true;
        return o;
    }

    private ScriptObject Item(RecommendedItem recommended)
    {
        var key = (recommended.Item.Id, recommended.Recommendation.Reason);
        if (_items.TryGetValue(key, out var cached)) return cached;
        var item = recommended.Item;
        var o = new ScriptObject(10)
        {
            ["id"] = Text(item.Id),
            ["title"] = Text(item.Title),
            ["description"] = Text(item.Description),
            ["category"] = Text(item.Category),
            ["price"] = item.Price,
            ["price_text"] = item.Price.ToString("0.00", CultureInfo.InvariantCulture),
            ["image_url"] = Text(item.ImageUrl),
            ["tags"] = new ScriptArray(item.Tags.Select(Text)),
            ["reason"] = Text(recommended.Recommendation.Reason),
        };
        o.IsReadOnly = true;
        if (_items.Count < MaxCachedItems) _items.TryAdd(key, o);
        return o;
    }

    // Every message of a run shares one campaign object; it is rebuilt only when the run changes.
    private ScriptObject Campaign(MessageModel model)
    {
        if (_campaign is { } cached && cached.Run == model.Campaign) return cached.Object;
        var o = new ScriptObject(4)
        {
            ["id"] = model.Campaign.CampaignId,
            ["name"] = Text(model.CampaignName),
            ["version"] = model.Campaign.CampaignVersion,
            ["occurrence"] = model.Campaign.Occurrence,
        };
        o.IsReadOnly = true;
        _campaign = new CachedCampaign(model.Campaign, o);
        return o;
    }

    private string? Text(string? value) => value is null || !Html ? value : WebUtility.HtmlEncode(value);

    private sealed record CachedCampaign(CampaignRunInfo Run, ScriptObject Object);
}

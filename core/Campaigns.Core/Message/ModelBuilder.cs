using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Campaigns.Data;
using Campaigns.Stages;
using Scriban.Runtime;

namespace Campaigns.Message;

/// <summary>
/// Builds the detached, allow-listed model a template sees. Item objects are built once per (item, reason, rank) and shared
/// read-only across messages, which is what makes rendering a million messages cheap.
/// </summary>
internal sealed class ModelBuilder(bool html)
{
    private const int MaxCachedItems = 100_000;
    private readonly ConcurrentDictionary<(string, string, int), ScriptObject> _items = new();
    private CachedCampaign? _campaign; // a reference, so threads swap it atomically

    public bool Html { get; } = html;

    /// <summary>Refills a thread's model objects for one message.</summary>
    public void Fill(MessageGlobals globals, MessageModel model)
    {
        globals.Unlock();
        var customer = model.Customer;
        var o = globals.Customer;
        o["id"] = Text(customer.Id);
        o["email"] = Text(customer.Email);
        o["first_name"] = Text(customer.Attributes.GetValueOrDefault("first_name"));
        o["locale"] = Text(customer.Locale);
        o["time_zone"] = Text(customer.TimeZone);
        o["country"] = Text(customer.Attributes.GetValueOrDefault("country"));
        globals.Attributes.Clear();
        foreach (var (key, value) in customer.Attributes) globals.Attributes[key] = Text(value);
        globals.Items.Clear();
        for (var i = 0; i < model.Items.Count; i++) globals.Items.Add(Item(model.Items[i], i + 1));
        globals.Root["campaign"] = Campaign(model);
        globals.Lock();
    }

    private ScriptObject Item(RecommendedItem recommended, int rank)
    {
        var key = (recommended.Item.Id, recommended.Recommendation.Reason, rank);
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
            // The 1-based position in the list: cheaper for templates than arithmetic on for.index.
            ["rank"] = rank,
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

using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Campaigns.Host.Api.Docs;

// The request bodies as the OpenAPI document shows them. The endpoints read JSON themselves (to name the index and field
// of every bad record), so these types exist only to describe the shape; docs/api.md has the rules.

/// <summary>A behaviour event.</summary>
[Description("A behaviour event. itemId is required except for search, session_start, open and click.")]
internal sealed record EventRecordDoc(
    [property: Description("Your id for the event; when absent a SHA-256 of the content is used, so resending stores nothing twice.")] string? Id,
    [property: Description("The shop's customer id.")] string CustomerId,
    [property: Description("view, search, cart_add, cart_remove, purchase, return, rating, review, open, click or session_start.")] string Type,
    [property: Description("The item; required for item events.")] string? ItemId,
    [property: Description("ISO 8601 with an offset, at most Campaigns:Api:MaxFuture (1 day) ahead of the server.")] DateTimeOffset OccurredAt,
    [property: Description("Units, greater than 0; default 1.")] double? Quantity,
    [property: Description("Money value, at least 0; default 0.")] decimal? Value,
    [property: Description("search: the query typed.")] string? Query,
    [property: Description("rating (required) and review (optional): 1 to 5.")] int? Rating,
    [property: Description("review: the text.")] string? Text);

/// <summary>A customer upsert.</summary>
[Description("A customer. Fields not sent keep their stored value; consent and attributes are merged key by key.")]
internal sealed record CustomerRecordDoc(
    [property: Description("The shop's customer id.")] string Id,
    [property: Description("E-mail address; null clears it.")] string? Email,
    [property: Description("Phone in E.164 form; null clears it.")] string? Phone,
    [property: Description("IANA time zone, e.g. Europe/London.")] string? TimeZone,
    [property: Description("Locale, e.g. en-GB; null clears it.")] string? Locale,
    [property: Description("Consent flags keyed by channel kind (\"email\") or channel/purpose (\"email/marketing\").")] IReadOnlyDictionary<string, bool>? Consent,
    [property: Description("Free attributes: strings, numbers or true/false; null removes one.")] IReadOnlyDictionary<string, string?>? Attributes);

/// <summary>A catalog item upsert.</summary>
[Description("A catalog item. A new item needs title and price; fields not sent keep their stored value.")]
internal sealed record ItemRecordDoc(
    [property: Description("The shop's item id (SKU).")] string Id,
    [property: Description("Title shown to customers.")] string? Title,
    [property: Description("Description; null clears it.")] string? Description,
    [property: Description("Category; null clears it.")] string? Category,
    [property: Description("Unit price, at least 0.")] decimal? Price,
    [property: Description("Units in stock, at least 0; null when not tracked.")] int? Stock,
    [property: Description("Tags; replace the stored list.")] IReadOnlyList<string>? Tags,
    [property: Description("Absolute http(s) URL of the image; null clears it."), JsonPropertyName("imageUrl")] string? ImageUrl);

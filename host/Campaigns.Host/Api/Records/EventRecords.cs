using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Campaigns.Data;
using Campaigns.Ingest;
using Campaigns.Storage;

namespace Campaigns.Host.Api.Records;

/// <summary>Reads behaviour events: the common fields, the type-specific properties, and the id (given or derived).</summary>
internal static class EventRecords
{
    private static readonly KnownFields Known = new("id", "customerId", "type", "itemId", "occurredAt", "quantity", "value", "query", "rating", "text");

    // Events about no particular item; every other type needs an itemId. Opens and clicks may name the item.
    private static readonly HashSet<string> ItemOptional = new(StringComparer.Ordinal)
        { InteractionTypes.Search, InteractionTypes.SessionStart, InteractionTypes.Open, InteractionTypes.Click };

    /// <summary>The event, or null when the record is bad (its errors are in <paramref name="fields"/>'s list).</summary>
    public static ValidEvent? Read(RecordFields fields, DateTimeOffset now, ApiOptions options)
    {
        if (!fields.IsObject()) return null;
        fields.RejectUnknown(Known);
        var id = fields.Text("id", 200);
        var customer = fields.RequiredText("customerId", 200);
        var type = fields.RequiredText("type", 40);
        if (type is not null && !InteractionTypes.All.Contains(type))
        {
            fields.Fail("type", $"'{type}' is not one of {string.Join(", ", InteractionTypes.All.Order(StringComparer.Ordinal))}");
            type = null;
        }
        var item = type is not null && !ItemOptional.Contains(type) ? fields.RequiredText("itemId", 200) : fields.Text("itemId", 200);
        var at = fields.Instant("occurredAt");
        if (at is { } when && when > now + options.MaxFuture)
            fields.Fail("occurredAt", $"is more than {options.MaxFuture.TotalHours:0.##} hours ahead of the server's clock ({now:O})");
        var quantity = fields.Number("quantity", 1, double.Epsilon);
        var value = fields.Money("value") ?? 0m;
        var properties = type is null ? null : Properties(fields, type, ref value);
        if (customer is null || type is null || at is null || (item is null && !ItemOptional.Contains(type)))
            return null;
        return new ValidEvent(id, new Interaction(customer, item ?? "", type, at.Value, quantity, value), properties);
    }

    /// <summary>
    /// The id of an event sent without one: a SHA-256 of its content, so the same event sent twice gets the same id and
    /// is stored once. Two truly identical events (same customer, item, type, millisecond, quantity, value, properties)
    /// count as one; a writer that can send those must give ids.
    /// </summary>
    public static string DerivedId(Interaction e, string? properties)
    {
        // Byte for byte the content the first version hashed (fields joined by U+001F, numbers in invariant culture,
        // the quantity round-trippable), so an event resent after an upgrade still gets its old id; built in one buffer
        // rather than through string.Join and GetBytes, which made two throw-away copies per event.
        var texts = e.CustomerId.Length + e.ItemId.Length + e.Type.Length + (properties?.Length ?? 0);
        var size = Encoding.UTF8.GetMaxByteCount(texts) + 128; // 6 separators and three numbers of at most 31 characters
        var rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        Span<byte> content = rented ?? stackalloc byte[1024];
        var at = Append(content, 0, e.CustomerId);
        at = Append(content, at, e.ItemId);
        at = Append(content, at, e.Type);
        at = Append(content, at, e.OccurredAt.ToUnixTimeMilliseconds(), null);
        at = Append(content, at, e.Quantity, "R");
        at = Append(content, at, e.Value, null);
        at += Encoding.UTF8.GetBytes(properties ?? "", content[at..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content[..at], hash);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return "sha256:" + Convert.ToHexStringLower(hash[..16]);
    }

    private const byte Separator = 0x1f;

    private static int Append(Span<byte> content, int at, string text)
    {
        at += Encoding.UTF8.GetBytes(text, content[at..]);
        content[at] = Separator;
        return at + 1;
    }

    private static int Append<T>(Span<byte> content, int at, T number, string? format) where T : IUtf8SpanFormattable
    {
        number.TryFormat(content[at..], out var written, format, CultureInfo.InvariantCulture);
        content[at + written] = Separator;
        return at + written + 1;
    }

    private static string? Properties(RecordFields fields, string type, ref decimal value)
    {
        var isSearch = type == InteractionTypes.Search;
        var isReview = type == InteractionTypes.Review;
        var isRating = type == InteractionTypes.Rating;
        if (!isSearch && fields.Has("query")) fields.Fail("query", $"is not a field of a {type} event");
        if (!isReview && fields.Has("text")) fields.Fail("text", $"is not a field of a {type} event");
        if (!isReview && !isRating && fields.Has("rating")) fields.Fail("rating", $"is not a field of a {type} event");
        var query = isSearch ? fields.RequiredText("query", 1000) : null;
        var text = isReview ? fields.RequiredText("text", 10_000) : null;
        var rating = isRating && !fields.Has("rating") ? Missing(fields) : fields.Whole("rating", 1, 5);
        // A rating's value is the rating (the contract says so), which is what the recommenders read.
        if (isRating && rating is { } stars)
        {
            if (fields.Has("value")) fields.Fail("value", "is the rating for a rating event: send rating only");
            value = stars;
        }
        if (query is null && text is null && rating is null) return null;

        var buffer = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (query is not null) json.WriteString("query", query);
            if (rating is { } r && (isRating || isReview)) json.WriteNumber("rating", r);
            if (text is not null) json.WriteString("text", text);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static int? Missing(RecordFields fields)
    {
        fields.Fail("rating", "is required (a whole number from 1 to 5)");
        return null;
    }
}

/// <summary>An event that passed validation; its id is derived (a separate, separately timed step) when it was sent without one.</summary>
/// <param name="Id">The id as sent, or null.</param>
/// <param name="Interaction">What happened.</param>
/// <param name="Properties">Type-specific properties as JSON, or null.</param>
internal sealed record ValidEvent(string? Id, Interaction Interaction, string? Properties)
{
    /// <summary>The event as stored, with the id sent or derived from its content.</summary>
    public StoredEvent ToStored() => new(Id ?? EventRecords.DerivedId(Interaction, Properties), Interaction) { Properties = Properties };
}

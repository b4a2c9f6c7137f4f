using System.Text.Json;
using Campaigns.Ingest;

namespace Campaigns.Host.Api.Records;

/// <summary>Reads catalog item upserts: title, price, stock, tags and the rest.</summary>
internal static class ItemRecords
{
    private static readonly KnownFields Known = new("id", "title", "description", "category", "price", "stock", "tags", "imageUrl");

    /// <summary>The patch, or null when the record is not an object or has no usable id.</summary>
    public static ItemPatch? Read(RecordFields fields)
    {
        if (!fields.IsObject()) return null;
        fields.RejectUnknown(Known);
        var id = fields.RequiredText("id", 200);
        if (fields.Has("title") && fields.Value("title") is null) fields.Fail("title", "must not be null");
        if (fields.Has("price") && fields.Value("price") is null) fields.Fail("price", "must not be null");
        var patch = new ItemPatch(id ?? "")
        {
            Title = fields.Text("title", 1000),
            Description = fields.Clearable("description", 10_000),
            Category = fields.Clearable("category", 200),
            Price = fields.Money("price"),
            Stock = !fields.Has("stock") ? null : new Sent<int?>(fields.Whole("stock", 0, int.MaxValue)),
            Tags = Tags(fields),
            ImageUrl = fields.Clearable("imageUrl", 2000, u =>
                Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? null : "must be an absolute http(s) URL"),
        };
        return id is null ? null : patch;
    }

    private static string[]? Tags(RecordFields fields)
    {
        if (!fields.Has("tags")) return null;
        if (fields.Value("tags") is not { } tags) return [];
        if (tags.ValueKind != JsonValueKind.Array) { fields.Fail("tags", "must be an array of strings"); return null; }
        var list = new List<string>();
        var i = 0;
        foreach (var tag in tags.EnumerateArray())
        {
            if (tag.ValueKind != JsonValueKind.String || tag.GetString() is not { Length: > 0 and <= 100 } text) fields.Fail($"tags[{i}]", "must be a string of 1 to 100 characters");
            else list.Add(text);
            i++;
        }
        return [.. list];
    }
}

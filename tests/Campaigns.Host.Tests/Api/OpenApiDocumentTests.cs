using System.Text.Json;

namespace Campaigns.Host.Tests.Api;

/// <summary>The OpenAPI document a client generator or a partner reads: the write endpoints and the segment preview, their bodies and the key scheme.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_document_lists_the_write_endpoints_with_their_record_schemas_and_the_api_key_scheme()
    {
        await using var site = await ApiSite.StartAsync(postgres: false);
        using var document = JsonDocument.Parse(await site.Http.GetStringAsync("openapi/v1.json"));
        var root = document.RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");

        foreach (var (path, schema, field) in new[]
                 {
                     ("/api/v1/events", "EventRecordDoc", "occurredAt"),
                     ("/api/v1/customers", "CustomerRecordDoc", "consent"),
                     ("/api/v1/catalog/items", "ItemRecordDoc", "price"),
                 })
        {
            var post = root.GetProperty("paths").GetProperty(path).GetProperty("post");
            var body = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.EndsWith("/" + schema, body.GetProperty("items").GetProperty("$ref").GetString(), StringComparison.Ordinal);
            Assert.True(schemas.GetProperty(schema).GetProperty("properties").TryGetProperty(field, out _), $"{schema} has no {field}");
            Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
            Assert.True(post.GetProperty("security")[0].TryGetProperty("apiKey", out _), $"{path} does not require the API key");
        }
        var preview = root.GetProperty("paths").GetProperty("/api/v1/segments/preview").GetProperty("post");
        Assert.EndsWith("/PreviewRequestDoc", preview.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.True(schemas.GetProperty("PreviewRequestDoc").GetProperty("properties").TryGetProperty("rule", out _));
        Assert.True(preview.GetProperty("security")[0].TryGetProperty("apiKey", out _), "the preview does not require the API key");
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
    }
}

using System.Text.Json;
using Campaigns.Stages;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>The JSON body of one message: the outgoing message's fields, camelCase.</summary>
internal sealed record WebhookPayload(string Key, string CampaignId, string CustomerId, string? Address, string? Subject, string Body,
    IReadOnlyList<string> ItemIds, DateTimeOffset PlannedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(OutgoingMessage m) => JsonSerializer.SerializeToUtf8Bytes(
        new WebhookPayload(m.Key, m.CampaignId, m.CustomerId, m.Address, m.Subject, m.Body, m.ItemIds, m.PlannedAt), Json);
}

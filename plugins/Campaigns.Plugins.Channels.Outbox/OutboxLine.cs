using System.Text.Json;
using Campaigns.Stages;

namespace Campaigns.Plugins.Channels.Outbox;

/// <summary>The JSON shape of one outbox line.</summary>
internal static class OutboxLine
{
    public static void Write(Utf8JsonWriter json, OutgoingMessage message, DateTimeOffset writtenAt)
    {
        json.WriteStartObject();
        json.WriteString("key", message.Key);
        json.WriteString("campaignId", message.CampaignId);
        json.WriteString("customerId", message.CustomerId);
        json.WriteString("address", message.Address);
        json.WriteString("subject", message.Subject);
        json.WriteString("body", message.Body);
        json.WriteStartArray("itemIds");
        foreach (var item in message.ItemIds) json.WriteStringValue(item);
        json.WriteEndArray();
        json.WriteString("plannedAt", message.PlannedAt);
        json.WriteString("writtenAt", writtenAt);
        json.WriteEndObject();
        json.Flush();
    }
}

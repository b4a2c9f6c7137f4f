using Campaigns.Data.Access;
using Campaigns.Storage;

namespace Campaigns.Data.Ledger;

/// <summary>A <c>deliveries</c> row as Dapper materializes it.</summary>
internal sealed class DeliveryRow
{
    /// <summary>The select (and RETURNING) list, aliased to the property names.</summary>
    public const string Columns =
        "key AS Key, campaign_id AS CampaignId, campaign_version AS CampaignVersion, occurrence AS Occurrence, customer_id AS CustomerId, " +
        "step AS Step, state AS State, reason AS Reason, send_at AS SendAt, preferred_at AS PreferredAt, address AS Address, " +
        "subject AS Subject, body AS Body, item_ids AS ItemIds, attempts AS Attempts, " +
        "channel_kind AS ChannelKind, local_day AS LocalDay, decision AS Decision, trigger_item_id AS TriggerItemId, triggered_at AS TriggeredAt, variant AS Variant";

    public string Key { get; set; } = "";
    public string CampaignId { get; set; } = "";
    public int CampaignVersion { get; set; }
    public string Occurrence { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public string Step { get; set; } = "";
    public string State { get; set; } = "";
    public string? Reason { get; set; }
    public long SendAt { get; set; }
    public long PreferredAt { get; set; }
    public string? Address { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? ItemIds { get; set; }
    public int Attempts { get; set; }
    public string? ChannelKind { get; set; }
    public int? LocalDay { get; set; }
    public string? Decision { get; set; }
    public string? TriggerItemId { get; set; }
    public long? TriggeredAt { get; set; }
    public string? Variant { get; set; }

    public LedgerEntry ToEntry() => new(
        Key, CampaignId, CampaignVersion, Occurrence, CustomerId, Step, DeliveryStateText.Parse(State), Reason,
        UnixMs.ToTime(SendAt), UnixMs.ToTime(PreferredAt), Address, Subject, Body, JsonColumn.ReadList(ItemIds), Attempts)
    {
        ChannelKind = ChannelKind,
        LocalDay = LocalDay,
        Decision = Decision,
        TriggerItemId = TriggerItemId,
        TriggeredAt = TriggeredAt is { } at ? UnixMs.ToTime(at) : null,
        Variant = Variant,
    };
}

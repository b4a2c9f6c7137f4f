using Campaigns.Storage;

namespace Campaigns.Data.Ledger;

/// <summary>The text stored in <c>deliveries.state</c> for each <see cref="DeliveryState"/>.</summary>
internal static class DeliveryStateText
{
    public const string Planned = "planned";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Suppressed = "suppressed";

    public static string Of(DeliveryState state) => state switch
    {
        DeliveryState.Planned => Planned,
        DeliveryState.Sending => Sending,
        DeliveryState.Sent => Sent,
        DeliveryState.Failed => Failed,
        DeliveryState.Suppressed => Suppressed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown delivery state."),
    };

    public static DeliveryState Parse(string text) => text switch
    {
        Planned => DeliveryState.Planned,
        Sending => DeliveryState.Sending,
        Sent => DeliveryState.Sent,
        Failed => DeliveryState.Failed,
        Suppressed => DeliveryState.Suppressed,
        _ => throw new FormatException($"Unknown delivery state '{text}'."),
    };
}

namespace Campaigns.Privacy;

/// <summary>
/// The reasons a customer can be on the suppression list, and which of them a transactional message may pass
/// (docs/consent.md). Entries are per channel kind, or for every kind with <see cref="AllKinds"/>.
/// </summary>
public static class SuppressionReasons
{
    /// <summary>The customer asked to stop (one-click unsubscribe, <c>suppress</c> verb or API).</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>The address does not exist (a hard bounce).</summary>
    public const string Bounced = "bounced";

    /// <summary>The customer marked a message as spam (feedback loop, <c>suppress</c> verb or API).</summary>
    public const string Complained = "complained";

    /// <summary>The customer was erased: the entry is keyed by the hashed id and is never lifted.</summary>
    public const string Erased = "erased";

    /// <summary>Every hashed id starts with this, so a kept row is recognisably an erased customer's.</summary>
    public const string ErasedIdPrefix = "erased-";

    /// <summary>The channel kind of an entry that applies to every kind.</summary>
    public const string AllKinds = "*";

    /// <summary>The reasons an operator may list a customer with (erased is only ever written by erasure).</summary>
    public static IReadOnlyList<string> Settable { get; } = [Unsubscribed, Bounced, Complained];

    /// <summary>
    /// Orders reasons from the one that blocks most to the one that blocks least, so that when a customer has several
    /// entries the one reported (and obeyed) is the strongest: an unsubscribe never hides a complaint.
    /// </summary>
    public static int Severity(string reason) => reason switch
    {
        Erased => 0,
        Complained => 1,
        Bounced => 2,
        Unsubscribed => 4,
        _ => 3,
    };

    /// <summary>
    /// True when an entry with <paramref name="reason"/> stops a message of <paramref name="purpose"/>. Like Braze's
    /// transactional e-mail, a transactional message (a receipt, a password reset) still reaches a customer who
    /// unsubscribed from marketing, but never an address that bounced, a customer who complained, or an erased one.
    /// </summary>
    public static bool Blocks(string reason, string purpose) =>
        !(purpose == CampaignPurposes.Transactional && reason == Unsubscribed);
}

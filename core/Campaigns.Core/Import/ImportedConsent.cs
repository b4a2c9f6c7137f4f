namespace Campaigns.Import;

/// <summary>
/// Consent given to imported customers. The Online Retail file records no consent at all, so none is invented for
/// e-mail, SMS or push: imported customers may only receive messages of the <c>file</c> channel kind (the outbox
/// that writes messages to disk for review), which reaches no one. Real consent must come from the shop.
/// </summary>
internal static class ImportedConsent
{
    /// <summary><c>{"file": true}</c> and nothing else.</summary>
    public static readonly IReadOnlyDictionary<string, bool> FileOnly = new Dictionary<string, bool> { ["file"] = true }.AsReadOnly();
}

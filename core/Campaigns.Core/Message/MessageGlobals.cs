using Scriban.Runtime;

namespace Campaigns.Message;

/// <summary>
/// The model objects one thread renders with, refilled for every message instead of allocated anew: rendering is
/// synchronous on a thread, so nothing else can see them while they change. Read-only while a template runs.
/// </summary>
internal sealed class MessageGlobals
{
    public MessageGlobals()
    {
        Root["customer"] = Customer;
        Root["items"] = Items;
        Customer["attributes"] = Attributes;
    }

    public ScriptObject Root { get; } = new(4);
    public ScriptObject Customer { get; } = new(8);
    public ScriptObject Attributes { get; } = new(8);
    public ScriptArray Items { get; } = new(8);

    /// <summary>Opens the objects for refilling.</summary>
    public void Unlock() => SetReadOnly(false);

    /// <summary>Closes them again before the template runs, so a template cannot assign into the model.</summary>
    public void Lock() => SetReadOnly(true);

    private void SetReadOnly(bool value)
    {
        Root.IsReadOnly = value;
        Customer.IsReadOnly = value;
        Attributes.IsReadOnly = value;
        Items.IsReadOnly = value;
    }
}

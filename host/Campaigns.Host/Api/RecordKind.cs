namespace Campaigns.Host.Api;

/// <summary>What a batch holds: behaviour events, customers or catalog items.</summary>
internal enum RecordKind
{
    /// <summary>Behaviour events (view, purchase, search, ...).</summary>
    Events,
    /// <summary>Customer upserts.</summary>
    Customers,
    /// <summary>Catalog item upserts.</summary>
    Catalog,
}

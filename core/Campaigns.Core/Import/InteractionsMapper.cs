using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Campaigns.Data;
using Campaigns.Storage;
using CsvHelper;

namespace Campaigns.Import;

/// <summary>
/// Reads the generic interactions format <c>user_id,item_id,timestamp[,event_type][,quantity|weight][,value]</c>.
/// Customers get the UTC time zone and items their id as title: the file says nothing more about them.
/// </summary>
internal sealed class InteractionsMapper(InteractionColumns columns) : RowMapper
{
    private readonly HashSet<string> _customers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<UInt128, int> _occurrences = [];

    public override ImportFormat Format => ImportFormat.Interactions;

    public override RowOutcome Read(CsvReader reader, out string? error)
    {
        error = null;
        if (reader.FieldCount != columns.Count) return Bad(out error, $"expected {columns.Count} columns, found {reader.FieldCount}");
        CustomerId = reader.GetString(0).Trim();
        if (CustomerId.Length == 0) return Bad(out error, "user_id is empty");
        ItemId = reader.GetString(1).Trim();
        if (!Timestamps.TryParse(reader.GetString(2), out var at))
            return Bad(out error, $"timestamp '{reader.GetString(2)}' is neither Unix seconds nor ISO 8601");
        OccurredAt = at;

        var type = columns.EventType < 0 ? "" : reader.GetString(columns.EventType).Trim();
        if (type.Length == 0) type = InteractionTypes.Purchase;
        if (!InteractionTypes.All.Contains(type))
            return Bad(out error, $"event_type '{type}' is not one of {string.Join(", ", InteractionTypes.All)}");
        Type = type;
        // Message events (open, click) may have no item, as the Interaction contract allows; every other event needs one.
        if (ItemId.Length == 0 && Type is not (InteractionTypes.Open or InteractionTypes.Click))
            return Bad(out error, "item_id is empty");

        Quantity = 1;
        if (columns.Quantity >= 0 && !reader.IsEmpty(columns.Quantity))
        {
            if (!reader.TryParse<double>(columns.Quantity, out var quantity) || !double.IsFinite(quantity))
                return Bad(out error, $"{columns.QuantityName} '{reader.GetString(columns.Quantity)}' is not a number");
            Quantity = quantity;
        }

        Value = 0;
        if (columns.Value >= 0 && !reader.IsEmpty(columns.Value))
        {
            if (!reader.TryParse<decimal>(columns.Value, out var value)) return Bad(out error, $"value '{reader.GetString(columns.Value)}' is not a number");
            Value = value;
        }
        return RowOutcome.Event;
    }

    public override void Observe()
    {
        _customers.Add(CustomerId);
        if (ItemId.Length > 0) _items.Add(ItemId);
    }

    public override IReadOnlyList<Customer> Customers() =>
        _customers.Order(StringComparer.Ordinal).Select(id => new Customer(id) { Consent = ImportedConsent.FileOnly }).ToList();

    public override IReadOnlyList<CatalogItem> Items() =>
        _items.Order(StringComparer.Ordinal).Select(id => new CatalogItem(id, id)).ToList();

    public override StoredEvent CreateEvent()
    {
        // The file carries no event id: hash what identifies the event (ids may contain any separator, so a hash is
        // unambiguous where a joined string is not), and number identical ones so that each is kept once.
        // Quantity and value are left out, so a corrected re-export does not store the same event twice.
        var identity = Encoding.UTF8.GetBytes($"{CustomerId}\u001f{ItemId}\u001f{Type}\u001f{OccurredAt.UtcTicks}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(identity, hash);
        var key = MemoryMarshal.Read<UInt128>(hash);
        var n = ++CollectionsMarshal.GetValueRefOrAddDefault(_occurrences, key, out _);
        return new StoredEvent($"ix:{Convert.ToHexStringLower(hash[..16])}:{n}", CurrentInteraction());
    }

    private static RowOutcome Bad(out string? error, string message)
    {
        error = message;
        return RowOutcome.Bad;
    }
}

using System.Runtime.InteropServices;
using Campaigns.Data;
using Campaigns.Storage;
using CsvHelper;

namespace Campaigns.Import;

/// <summary>
/// Reads the UCI Online Retail export: one event per line, <c>purchase</c> or, for cancellation invoices, <c>return</c>
/// (quantity and value as absolute values). Guest lines and non-product lines are skipped and counted apart.
/// </summary>
internal sealed class OnlineRetailMapper : RowMapper
{
    private const int Columns = 8;

    // Keeps Quantity × UnitPrice inside decimal's range for any int quantity, so a garbage price is a bad row, not a crash.
    private const decimal MaxUnitPrice = 1e18m;

    private readonly Dictionary<string, CustomerSeen> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemSeen> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    // Lines of one invoice repeat the customer and the date: converting them once per invoice saves most of the work.
    private string? _lastRawCustomer, _lastCustomer, _lastRawDate;
    private DateTimeOffset _lastDate;

    private string _invoice = "", _description = "", _country = "";
    private decimal _unitPrice;

    public override ImportFormat Format => ImportFormat.OnlineRetail;

    public override RowOutcome Read(CsvReader reader, out string? error)
    {
        error = null;
        if (reader.FieldCount != Columns) return Bad(out error, $"expected {Columns} columns, found {reader.FieldCount}");
        var rawCustomer = reader.GetString(6);
        if (string.IsNullOrWhiteSpace(rawCustomer)) return RowOutcome.Guest;

        ItemId = reader.GetString(1).Trim();
        if (ItemId.Length == 0) return Bad(out error, "StockCode is empty");
        if (OnlineRetailRules.NonProductCodes.Contains(ItemId)) return RowOutcome.NonProduct;
        _invoice = reader.GetString(0).Trim();
        if (_invoice.Length == 0) return Bad(out error, "InvoiceNo is empty");

        if (!reader.TryParse<int>(3, out var quantity)) return Bad(out error, $"Quantity '{reader.GetString(3)}' is not a whole number");
        if (!reader.TryParse<decimal>(5, out _unitPrice)) return Bad(out error, $"UnitPrice '{reader.GetString(5)}' is not a number");
        if (!TryReadDate(reader.GetString(4))) return Bad(out error, $"InvoiceDate '{reader.GetString(4)}' is not yyyy-MM-dd HH:mm:ss");
        if (!TryReadCustomer(rawCustomer)) return Bad(out error, $"CustomerID '{rawCustomer}' is not an id");

        var cancelled = OnlineRetailRules.IsCancellation(_invoice);
        if (quantity == 0) return Bad(out error, "Quantity is 0");
        if (quantity < 0 && !cancelled) return Bad(out error, $"negative Quantity on invoice {_invoice}, which is not a cancellation");
        if (_unitPrice < 0) return Bad(out error, "UnitPrice is negative");
        if (_unitPrice > MaxUnitPrice) return Bad(out error, "UnitPrice is too large");

        Type = cancelled ? InteractionTypes.Return : InteractionTypes.Purchase;
        Quantity = Math.Abs((double)quantity);
        Value = Math.Abs(quantity * _unitPrice);
        _description = reader.GetString(2).Trim();
        _country = reader.GetString(7).Trim();
        return RowOutcome.Event;
    }

    public override void Observe()
    {
        ref var customer = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, CustomerId, out var known);
        if (!known || OccurredAt >= customer.At) customer = new CustomerSeen(_country, OccurredAt);

        ref var item = ref CollectionsMarshal.GetValueRefOrAddDefault(_items, ItemId, out _);
        item ??= new ItemSeen();
        item.Observe(_description, _unitPrice, OccurredAt);
    }

    public override IReadOnlyList<Customer> Customers()
    {
        // Customers of one country share one read-only attribute dictionary.
        var attributes = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        return _customers.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new Customer(c.Key)
        {
            TimeZone = CountryTimeZones.For(c.Value.Country),
            Attributes = CountryAttributes(attributes, c.Value.Country),
            Consent = ImportedConsent.FileOnly,
        }).ToList();
    }

    public override IReadOnlyList<CatalogItem> Items() =>
        _items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Value.ToItem(i.Key)).ToList();

    public override StoredEvent CreateEvent()
    {
        // The file has identical lines: the nth occurrence of (invoice, stock code) keeps each of them, and the same
        // file read again yields the same ids, so a re-import stores nothing twice.
        var key = $"or:{_invoice}:{ItemId}";
        var n = ++CollectionsMarshal.GetValueRefOrAddDefault(_occurrences, key, out _);
        return new StoredEvent($"{key}:{n}", CurrentInteraction());
    }

    private static RowOutcome Bad(out string? error, string message)
    {
        error = message;
        return RowOutcome.Bad;
    }

    private static IReadOnlyDictionary<string, string> CountryAttributes(Dictionary<string, IReadOnlyDictionary<string, string>> cache, string country)
    {
        ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(cache, country, out _);
        return shared ??= country.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["country"] = country };
    }

    private bool TryReadDate(string raw)
    {
        if (raw != _lastRawDate)
        {
            if (!OnlineRetailRules.TryParseUkTime(raw, out var at)) return false;
            (_lastRawDate, _lastDate) = (raw, at);
        }
        OccurredAt = _lastDate;
        return true;
    }

    private bool TryReadCustomer(string raw)
    {
        if (raw != _lastRawCustomer)
        {
            if (!OnlineRetailRules.TryNormaliseCustomerId(raw, out var id)) return false;
            (_lastRawCustomer, _lastCustomer) = (raw, id);
        }
        CustomerId = _lastCustomer!;
        return true;
    }

    private readonly record struct CustomerSeen(string Country, DateTimeOffset At);
}

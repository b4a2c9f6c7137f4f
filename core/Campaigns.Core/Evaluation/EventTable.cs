using System.Collections;
using Campaigns.Data;

namespace Campaigns.Evaluation;

/// <summary>
/// Interactions held as flat columns (customer and item as indexes into id tables, ticks, type, quantity, value)
/// instead of one object per event: about 41 bytes an event where <see cref="Interaction"/> objects and their list take
/// about 90, which is what lets 20 million events load in a few gigabytes. Reading an element builds its
/// <see cref="Interaction"/> on the fly (the id strings are shared), so the table is a drop-in list for the splitter.
/// </summary>
public sealed class EventTable : IReadOnlyList<Interaction>
{
    private readonly Dictionary<string, int> _customerIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _itemIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte> _typeIndex = new(StringComparer.Ordinal);
    private readonly List<string> _customerIds = [], _itemIds = [], _types = [];
    private int[] _customer = [], _item = [];
    private long[] _ticks = [];
    private byte[] _type = [];
    private double[] _quantity = [];
    private decimal[] _value = [];

    /// <summary>Events held.</summary>
    public int Count { get; private set; }

    /// <summary>Distinct customers, indexed in order of first appearance.</summary>
    public int CustomerCount => _customerIds.Count;

    /// <summary>Distinct items (the empty id of message events included), in order of first appearance.</summary>
    public int ItemCount => _itemIds.Count;

    /// <summary>The event at <paramref name="index"/>, built from the columns (UTC offset).</summary>
    public Interaction this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count);
            return new Interaction(_customerIds[_customer[index]], _itemIds[_item[index]], _types[_type[index]],
                new DateTimeOffset(_ticks[index], TimeSpan.Zero), _quantity[index], _value[index]);
        }
    }

    /// <summary>Customer index of event <paramref name="index"/>.</summary>
    public int CustomerOf(int index) => _customer[index];

    /// <summary>Item index of event <paramref name="index"/>.</summary>
    public int ItemOf(int index) => _item[index];

    /// <summary>UTC ticks of event <paramref name="index"/>.</summary>
    public long TicksOf(int index) => _ticks[index];

    /// <summary>Quantity of event <paramref name="index"/>.</summary>
    public double QuantityOf(int index) => _quantity[index];

    /// <summary>Type of event <paramref name="index"/>.</summary>
    public string TypeOf(int index) => _types[_type[index]];

    /// <summary>The id of customer index <paramref name="customer"/>.</summary>
    public string CustomerId(int customer) => _customerIds[customer];

    /// <summary>The id of item index <paramref name="item"/>.</summary>
    public string ItemId(int item) => _itemIds[item];

    /// <summary>The index of customer <paramref name="id"/>, or -1 when it has no event.</summary>
    public int FindCustomer(string id) => _customerIndex.TryGetValue(id, out var at) ? at : -1;

    /// <summary>The index of event type <paramref name="type"/>, or -1 when no event has it.</summary>
    public int FindType(string type) => _typeIndex.TryGetValue(type, out var at) ? at : -1;

    /// <summary>Type index of event <paramref name="index"/>.</summary>
    public int TypeIndexOf(int index) => _type[index];

    /// <summary>Appends an event; its instant is kept in UTC.</summary>
    public void Add(Interaction e)
    {
        if (Count == _customer.Length) Grow();
        var n = Count++;
        _customer[n] = IndexOf(_customerIndex, _customerIds, e.CustomerId);
        _item[n] = IndexOf(_itemIndex, _itemIds, e.ItemId);
        if (!_typeIndex.TryGetValue(e.Type, out var type))
        {
            if (_types.Count == byte.MaxValue) throw new InvalidOperationException("more than 255 event types");
            _typeIndex.Add(e.Type, type = (byte)_types.Count);
            _types.Add(e.Type);
        }
        _type[n] = type;
        _ticks[n] = e.OccurredAt.UtcTicks;
        _quantity[n] = e.Quantity;
        _value[n] = e.Value;
    }

    /// <summary>A table of <paramref name="events"/>, in their order.</summary>
    public static EventTable From(IEnumerable<Interaction> events)
    {
        var table = new EventTable();
        foreach (var e in events) table.Add(e);
        return table;
    }

    public IEnumerator<Interaction> GetEnumerator()
    {
        for (var n = 0; n < Count; n++) yield return this[n];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(Dictionary<string, int> index, List<string> ids, string id)
    {
        if (index.TryGetValue(id, out var at)) return at;
        index.Add(id, at = ids.Count);
        ids.Add(id);
        return at;
    }

    private void Grow()
    {
        // Half again rather than double: at tens of millions of events, doubling would briefly need three times the data.
        var capacity = Math.Max(1024, _customer.Length + _customer.Length / 2);
        Array.Resize(ref _customer, capacity);
        Array.Resize(ref _item, capacity);
        Array.Resize(ref _ticks, capacity);
        Array.Resize(ref _type, capacity);
        Array.Resize(ref _quantity, capacity);
        Array.Resize(ref _value, capacity);
    }
}

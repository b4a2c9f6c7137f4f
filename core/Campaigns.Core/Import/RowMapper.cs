using Campaigns.Data;
using Campaigns.Storage;
using CsvHelper;

namespace Campaigns.Import;

/// <summary>What a data line turned out to be.</summary>
internal enum RowOutcome
{
    /// <summary>A good line that becomes one event.</summary>
    Event,
    /// <summary>A line that could not be read; the error says why.</summary>
    Bad,
    /// <summary>An Online Retail line without a customer.</summary>
    Guest,
    /// <summary>An Online Retail line for postage, fees and the like.</summary>
    NonProduct,
}

/// <summary>
/// Reads the lines of one format. Stateful and used by one import run: <see cref="Read"/> parses the current record
/// into the mapper's current-row fields, which <see cref="Observe"/> (first pass) and <see cref="CreateEvent"/>
/// (second pass) then use, so that no object is allocated per line beyond the event itself.
/// </summary>
internal abstract class RowMapper
{
    /// <summary>The format this mapper reads.</summary>
    public abstract ImportFormat Format { get; }

    /// <summary>Customer of the current row.</summary>
    protected string CustomerId { get; set; } = "";

    /// <summary>Item of the current row; empty for message events without an item.</summary>
    protected string ItemId { get; set; } = "";

    /// <summary>Event type of the current row.</summary>
    protected string Type { get; set; } = InteractionTypes.Purchase;

    /// <summary>When the current row happened, in UTC.</summary>
    protected DateTimeOffset OccurredAt { get; set; }

    /// <summary>Units of the current row.</summary>
    protected double Quantity { get; set; } = 1;

    /// <summary>Money value of the current row.</summary>
    protected decimal Value { get; set; }

    /// <summary>Parses the reader's current record; on <see cref="RowOutcome.Bad"/>, <paramref name="error"/> says why.</summary>
    public abstract RowOutcome Read(CsvReader reader, out string? error);

    /// <summary>First pass: remembers the customer and item of the current (good) row.</summary>
    public abstract void Observe();

    /// <summary>The customers seen in the first pass, ordered by id.</summary>
    public abstract IReadOnlyList<Customer> Customers();

    /// <summary>The catalogue items seen in the first pass, ordered by id.</summary>
    public abstract IReadOnlyList<CatalogItem> Items();

    /// <summary>Second pass: the event of the current (good) row, with its deterministic id.</summary>
    public abstract StoredEvent CreateEvent();

    /// <summary>The current row as an interaction.</summary>
    protected Interaction CurrentInteraction() => new(CustomerId, ItemId, Type, OccurredAt, Quantity, Value);
}

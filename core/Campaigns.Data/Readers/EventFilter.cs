using Campaigns.Data.Access;
using Dapper;

namespace Campaigns.Data.Readers;

/// <summary>Turns an <see cref="InteractionQuery"/> into WHERE conditions and their parameters.</summary>
internal sealed class EventFilter
{
    private readonly List<string> _conditions = [];

    public EventFilter(ISqlDatabase database, InteractionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Since is { } since)
            Add("occurred_at >= @since", "since", UnixMs.From(since));
        if (query.Until is { } until)
            Add("occurred_at < @until", "until", UnixMs.From(until));
        if (query.Types is { Count: > 0 } types)
            Add(database.InList("type", "@types"), "types", types.ToArray());
    }

    public DynamicParameters Parameters { get; } = new();

    /// <summary>Adds a condition with its parameter; returns this filter.</summary>
    public EventFilter Add(string condition, string name, object? value)
    {
        _conditions.Add(condition);
        Parameters.Add(name, value);
        return this;
    }

    /// <summary>Adds a condition that needs no new parameter.</summary>
    public EventFilter Add(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    /// <summary>"WHERE a AND b", or empty when there is no condition.</summary>
    public string Where => _conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _conditions);
}

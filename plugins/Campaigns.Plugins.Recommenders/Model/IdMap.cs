namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>Maps string ids (customers, items) to dense ints 0..Count-1 in order of first appearance.</summary>
/// <remarks>Dense ints let every model keep its state in flat arrays instead of dictionaries keyed by strings.</remarks>
internal sealed class IdMap
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    /// <summary>How many ids are mapped.</summary>
    public int Count => _ids.Count;

    /// <summary>The id of index <paramref name="index"/>.</summary>
    public string this[int index] => _ids[index];

    /// <summary>The index of <paramref name="id"/>, adding it when new.</summary>
    public int GetOrAdd(string id)
    {
        if (_index.TryGetValue(id, out var index)) return index;
        index = _ids.Count;
        _index.Add(id, index);
        _ids.Add(id);
        return index;
    }

    /// <summary>The index of <paramref name="id"/>, or -1 when it was never seen.</summary>
    public int Find(string? id) => id is not null && _index.TryGetValue(id, out var index) ? index : -1;
}

namespace Workflows.Host.Workspace.Officers;

/// <summary>
/// The tree as an immutable parent map. Seed it directly (tests, a fixed tree) or let
/// <see cref="UnitTreeJurisdiction"/> load it from the Units table.
/// </summary>
public sealed class ParentMapJurisdiction : IJurisdiction
{
    /// <summary>A compound is four levels below a district; a longer chain means a cycle in the data.</summary>
    private const int MaxDepth = 16;

    private readonly Dictionary<string, JurisdictionUnit> _units;
    private readonly Dictionary<string, List<string>> _children;
    private readonly List<JurisdictionUnit> _ordered;

    public ParentMapJurisdiction(IEnumerable<JurisdictionUnit> units)
    {
        _units = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _children = _units.Values.Where(u => u.ParentId is not null)
            .GroupBy(u => u.ParentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(u => u.Id).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        _ordered = [];
        foreach (var root in _units.Values.Where(u => u.ParentId is null || !_units.ContainsKey(u.ParentId)).OrderBy(u => u.Id, StringComparer.Ordinal))
            Walk(root.Id, _ordered, 0);
    }

    public bool IsWithin(string unitId, string ancestorUnitId)
    {
        var current = unitId;
        for (var depth = 0; depth < MaxDepth && current is not null; depth++)
        {
            if (current == ancestorUnitId) return _units.ContainsKey(current);
            current = _units.TryGetValue(current, out var unit) ? unit.ParentId : null;
        }
        return false;
    }

    public JurisdictionUnit? Find(string unitId) => _units.GetValueOrDefault(unitId);

    public IReadOnlySet<string> Subtree(string unitId)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!_units.ContainsKey(unitId)) return result;
        var pending = new Stack<string>([unitId]);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!result.Add(id)) continue;
            foreach (var child in _children.GetValueOrDefault(id) ?? []) pending.Push(child);
        }
        return result;
    }

    public IReadOnlyList<JurisdictionUnit> Units => _ordered;

    public ValueTask<bool> IsWithinAsync(string unitId, string ancestorUnitId, CancellationToken ct = default) =>
        ValueTask.FromResult(IsWithin(unitId, ancestorUnitId));

    public ValueTask<JurisdictionUnit?> FindAsync(string unitId, CancellationToken ct = default) => ValueTask.FromResult(Find(unitId));

    public ValueTask<IReadOnlySet<string>> SubtreeAsync(string unitId, CancellationToken ct = default) => ValueTask.FromResult(Subtree(unitId));

    public ValueTask<IReadOnlyList<JurisdictionUnit>> UnitsAsync(CancellationToken ct = default) => ValueTask.FromResult(Units);

    private void Walk(string id, List<JurisdictionUnit> into, int depth)
    {
        if (depth > MaxDepth) return;
        into.Add(_units[id]);
        foreach (var child in _children.GetValueOrDefault(id) ?? []) Walk(child, into, depth + 1);
    }
}

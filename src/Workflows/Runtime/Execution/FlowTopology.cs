using Workflows.Runtime.Definitions;

namespace Workflows.Runtime.Execution;

/// <summary>
/// The shape of one flowchart as Elsa 3.8's counter-based scheduler sees it: which connections lead forward
/// from the start and which lead back (loops). A connection is backward when, walking breadth-first from the
/// start activities, it would close a cycle; an activity reached over a backward connection runs again at once,
/// without waiting for its other inbound connections. Immutable; built once per compiled definition.
/// </summary>
public sealed class FlowTopology
{
    private readonly HashSet<Connection> _forward;
    private readonly Dictionary<string, List<Connection>> _forwardInbound;
    private readonly Dictionary<Connection, bool> _backwardValid = [];
    private readonly IReadOnlyCollection<string> _startIds;

    public FlowTopology(IReadOnlyList<Connection> connections, IReadOnlyCollection<string> startIds)
    {
        _startIds = startIds;
        _forward = ForwardConnections(connections, startIds);
        _forwardInbound = _forward.GroupBy(c => c.Target).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var connection in connections.Where(c => !_forward.Contains(c)))
            _backwardValid[connection] = EveryPathToStartPassesThrough(connection.Source, connection.Target);
    }

    /// <summary>The forward connections into an activity: those a join counts.</summary>
    public IReadOnlyList<Connection> ForwardInbound(string activityId) =>
        _forwardInbound.TryGetValue(activityId, out var list) ? list : [];

    /// <summary>
    /// True for a connection that loops back. <paramref name="valid"/> says whether every path from its source
    /// back to the start passes through its target (Elsa faults on a loop that jumps into another branch).
    /// </summary>
    public bool IsBackward(Connection connection, out bool valid)
    {
        valid = _backwardValid.GetValueOrDefault(connection);
        return !_forward.Contains(connection);
    }

    /// <summary>Every activity that leads to <paramref name="activityId"/> over forward connections.</summary>
    public IReadOnlySet<string> Ancestors(string activityId)
    {
        var ancestors = new HashSet<string>();
        var queue = new Queue<string>([activityId]);
        while (queue.Count > 0)
            foreach (var connection in ForwardInbound(queue.Dequeue()))
                if (ancestors.Add(connection.Source))
                    queue.Enqueue(connection.Source);
        return ancestors;
    }

    private static HashSet<Connection> ForwardConnections(IReadOnlyList<Connection> connections, IReadOnlyCollection<string> startIds)
    {
        var edges = new List<(string Source, string Target)>();
        var visited = new HashSet<string>();
        var queue = new Queue<string>(startIds);
        while (queue.Count > 0)
        {
            var source = queue.Dequeue();
            if (!visited.Add(source)) continue;
            foreach (var target in connections.Where(c => c.Source == source).Select(c => c.Target).Distinct())
            {
                if (edges.Contains((source, target)) || HasPath(edges, target, source)) continue;
                edges.Add((source, target));
                if (!visited.Contains(target)) queue.Enqueue(target);
            }
        }
        return connections.Where(c => edges.Contains((c.Source, c.Target))).ToHashSet();
    }

    private static bool HasPath(List<(string Source, string Target)> edges, string from, string to)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current == to) return true;
            if (!seen.Add(current)) continue;
            foreach (var edge in edges.Where(e => e.Source == current))
                stack.Push(edge.Target);
        }
        return false;
    }

    /// <summary>Whether every forward path from <paramref name="source"/> back to a start activity meets <paramref name="through"/>.</summary>
    private bool EveryPathToStartPassesThrough(string source, string through)
    {
        // Walk backwards from the source avoiding the target: reaching a start activity means a path bypasses it.
        if (source == through) return true;
        var seen = new HashSet<string> { source };
        var queue = new Queue<string>([source]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (_startIds.Contains(current)) return false;
            foreach (var connection in ForwardInbound(current))
                if (connection.Source != through && seen.Add(connection.Source))
                    queue.Enqueue(connection.Source);
        }
        return true;
    }
}

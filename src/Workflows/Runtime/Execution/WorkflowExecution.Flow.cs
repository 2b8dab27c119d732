using System.Text.Json.Nodes;
using Workflows.Runtime.Activities.BuiltIn;
using Workflows.Runtime.Definitions;

namespace Workflows.Runtime.Execution;

/// <summary>
/// Elsa 3.8's default (counter-based) flowchart scheduling. When an activity completes, every outbound
/// connection is visited, followed or not; an activity with several inbound connections is an implicit join in
/// <c>WaitAllActive</c> mode (it runs once every forward inbound connection was visited and at least one was
/// followed, and is skipped when none was), a <c>FlowJoin</c> uses its own mode. A skipped activity visits its
/// own outbound connections unfollowed, so that joins further on are not left waiting. Connections that loop
/// back schedule their target at once. Mirrors <c>Flowchart.Counters.cs</c> and <c>FlowScope.cs</c> of Elsa 3.8.
/// </summary>
internal sealed partial class WorkflowExecution
{
    /// <summary>One scheduled activity, and whether it arrived over a connection that loops back.</summary>
    private readonly record struct WorkItem(ActivityNode Node, bool ViaBackwardConnection);

    /// <summary>
    /// A completed activity (or flowchart) hands on in its flowchart. Ports already followed while it stayed
    /// open (<paramref name="alreadyFired"/>) are not visited a second time for this activation.
    /// </summary>
    private void CompleteInScope(ActivityNode node, IReadOnlyList<string> outcomes,
        bool viaBackwardConnection, IReadOnlyCollection<string> alreadyFired)
    {
        var scope = ScopeOf(node.ScopeNodeId!);
        if (!viaBackwardConnection)
            Increment(scope.ActivityVisits, node.Id);
        var ports = Graph.Outbound(node).Select(c => c.SourcePort).Where(p => !alreadyFired.Contains(p)).ToHashSet();
        FollowOutbound(node, outcomes, ports);
    }

    /// <summary>Visits the outbound connections from <paramref name="onlyPorts"/>, following those of <paramref name="outcomes"/>.</summary>
    private void FollowOutbound(ActivityNode node, IEnumerable<string> outcomes, IReadOnlyCollection<string> onlyPorts)
    {
        if (node.ScopeNodeId is not { } scopeNodeId) return;
        var scope = ScopeOf(scopeNodeId);
        var topology = Graph.TopologyOf(scopeNodeId);
        var followedPorts = outcomes.ToHashSet(StringComparer.Ordinal);
        foreach (var connection in Graph.Outbound(node).Where(c => onlyPorts.Contains(c.SourcePort)).ToList())
        {
            var followed = followedPorts.Contains(connection.SourcePort);
            var key = Key(connection);
            Increment(scope.ConnectionVisits, key);
            scope.ConnectionFollowed[key] = followed;
            if (Graph.Child(scopeNodeId, connection.Target) is not { } target) continue;
            if (topology.IsBackward(connection, out var valid))
            {
                if (!followed) continue;
                if (!valid)
                    throw new FlowchartException(
                        $"Invalid backward connection: every path from '{connection.Source}' back to the start must pass through '{connection.Target}'.");
                Schedule(target, viaBackwardConnection: true);
                continue;
            }
            MaybeSchedule(scope, topology, connection, target);
        }
    }

    private void MaybeSchedule(ScopeState scope, FlowTopology topology, Connection connection, ActivityNode target)
    {
        if (!scope.Counted)
        {
            // Saved before counters existed: run on each followed arrival, as that version did.
            if (scope.ConnectionFollowed.GetValueOrDefault(Key(connection))) Schedule(target, false);
            return;
        }
        var inbound = topology.ForwardInbound(target.Id);
        var visits = scope.ActivityVisits.GetValueOrDefault(target.Id);
        var pending = inbound.Where(c => scope.ConnectionVisits.GetValueOrDefault(Key(c)) > visits).ToList();
        var allVisited = pending.Count == inbound.Count;
        var anyFollowed = pending.Any(c => scope.ConnectionFollowed.GetValueOrDefault(Key(c)));
        switch (JoinModeOf(target))
        {
            case FlowJoin.WaitAll:
                if (!allVisited) return;
                if (pending.All(c => scope.ConnectionFollowed.GetValueOrDefault(Key(c)))) Schedule(target, false);
                else Skip(target);
                return;
            case FlowJoin.WaitAny:
                // Ignore a connection visited no more often than the target ran (its pass already went through),
                // and one whose target is already queued.
                if (scope.ConnectionVisits.GetValueOrDefault(Key(connection)) <= visits) return;
                if (_queue.Any(item => item.Node.NodeId == target.NodeId)) return;
                if (anyFollowed)
                {
                    Schedule(target, false);
                    CancelInboundAncestors(target);
                }
                else if (allVisited)
                {
                    Skip(target);
                }
                return;
            default: // WaitAllActive, the implicit join of every activity that is not a FlowJoin
                if (!allVisited) return;
                if (anyFollowed) Schedule(target, false);
                else Skip(target);
                return;
        }
    }

    /// <summary>The target is not run this pass: it counts as visited and its outbound connections as not followed.</summary>
    private void Skip(ActivityNode node)
    {
        Increment(ScopeOf(node.ScopeNodeId!).ActivityVisits, node.Id);
        FollowOutbound(node, [], Graph.Outbound(node).Select(c => c.SourcePort).ToHashSet());
    }

    /// <summary>
    /// Cancels the activities of the join's flowchart still open on the way to it (blocked on bookmarks, or
    /// running nested flowcharts); each cancelled one passes its connections on unfollowed. Queued activities
    /// are not touched: as in Elsa, they run, and their late arrival at the join is ignored.
    /// </summary>
    public void CancelInboundAncestors(ActivityNode join)
    {
        var scope = ScopeOf(join.ScopeNodeId!);
        var ancestors = Graph.TopologyOf(join.ScopeNodeId!).Ancestors(join.Id);
        foreach (var active in State.ActiveActivities.Values.ToList())
        {
            var node = Graph.FindByNodeId(active.NodeId);
            if (node is null || node.ScopeNodeId != join.ScopeNodeId || !ancestors.Contains(node.Id)) continue;
            if (!State.ActiveActivities.ContainsKey(active.ActivityInstanceId)) continue;
            CancelScopeContents(node.NodeId);
            State.Scopes.Remove(node.NodeId);
            CancelActivity(active);
            scope.Active--;
            Increment(scope.ActivityVisits, node.Id);
            var open = Graph.Outbound(node).Select(c => c.SourcePort).Where(p => !active.FiredOutcomes.Contains(p)).ToHashSet();
            FollowOutbound(node, [], open);
        }
    }

    /// <summary>A FlowJoin's mode (Elsa's default WaitAny); every other activity joins in WaitAllActive mode.</summary>
    private string JoinModeOf(ActivityNode target)
    {
        if (target.Activity is not FlowJoin) return FlowJoin.WaitAllActive;
        var mode = EvaluateInputs(target).GetValueOrDefault("Mode");
        return FlowJoin.ParseMode(mode);
    }

    private static string Key(Connection c) => $"{c.Source}:{c.SourcePort} -> {c.Target}:{c.TargetPort}";

    private static void Increment(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}

/// <summary>A flowchart that cannot be run as drawn (a loop jumping into another branch); the instance faults.</summary>
internal sealed class FlowchartException(string message) : Exception(message);

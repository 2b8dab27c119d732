using System.Text.Json.Nodes;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Definitions;

namespace Workflows.Runtime.Execution;

/// <summary>An activity of a compiled definition: its JSON, its type implementation and where it sits.</summary>
public sealed class ActivityNode
{
    public required string Id { get; init; }
    public required string NodeId { get; init; }
    public required string Type { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }
    public required JsonObject Json { get; init; }
    public required IActivity Activity { get; init; }

    /// <summary>The nodeId of the flowchart that contains this activity; null for the root.</summary>
    public string? ScopeNodeId { get; init; }
}

/// <summary>
/// A definition version prepared for execution: every activity indexed by nodeId, connections by source and
/// target. Immutable; cached per version id.
/// </summary>
public sealed class WorkflowGraph
{
    private readonly Dictionary<string, ActivityNode> _byNodeId = [];
    private readonly Dictionary<string, Dictionary<string, ActivityNode>> _byScopeAndId = [];
    private readonly Dictionary<string, List<Connection>> _connectionsByScope = [];
    private readonly Dictionary<string, FlowTopology> _topologyByScope = [];

    public WorkflowDefinition Definition { get; }
    public ActivityNode Root { get; }

    private WorkflowGraph(WorkflowDefinition definition, ActivityNode root)
    {
        Definition = definition;
        Root = root;
    }

    /// <summary>Builds the graph. Throws <see cref="DefinitionValidationException"/> for unknown types or a non-flowchart root.</summary>
    public static WorkflowGraph Compile(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var root = definition.Root ?? throw DefinitionValidationException.Single(null, "root", "The definition has no root activity.");
        ActivityJson.AssignNodeIds(root);
        if (!ActivityJson.IsFlowchart(root))
            throw DefinitionValidationException.Single(ActivityJson.Id(root), "root", $"Only flowcharts are supported as the root (found '{ActivityJson.Type(root)}').");
        var rootNode = CreateNode(root, registry, scope: null);
        var graph = new WorkflowGraph(definition, rootNode);
        graph.Index(rootNode, registry);
        return graph;
    }

    private void Index(ActivityNode flowchart, ActivityRegistry registry)
    {
        _byNodeId[flowchart.NodeId] = flowchart;
        var children = new Dictionary<string, ActivityNode>();
        foreach (var childJson in ActivityJson.Children(flowchart.Json))
        {
            var child = CreateNode(childJson, registry, flowchart.NodeId);
            children[child.Id] = child;
            _byNodeId[child.NodeId] = child;
            if (ActivityJson.IsFlowchart(childJson))
                Index(child, registry);
        }
        _byScopeAndId[flowchart.NodeId] = children;
        _connectionsByScope[flowchart.NodeId] = ActivityJson.Connections(flowchart.Json)
            .Select(Connection.From).OfType<Connection>().ToList();
        _topologyByScope[flowchart.NodeId] = new FlowTopology(_connectionsByScope[flowchart.NodeId],
            StartNodes(flowchart.NodeId).Select(n => n.Id).ToList());
    }

    /// <summary>The forward and backward connections of a flowchart (see <see cref="FlowTopology"/>).</summary>
    public FlowTopology TopologyOf(string flowchartNodeId) => _topologyByScope[flowchartNodeId];

    private static ActivityNode CreateNode(JsonObject json, ActivityRegistry registry, string? scope)
    {
        var id = ActivityJson.Id(json) ?? throw DefinitionValidationException.Single(null, "id", "An activity has no id.");
        var type = ActivityJson.Type(json) ?? throw DefinitionValidationException.Single(id, "type", $"Activity '{id}' has no type.");
        var version = ActivityJson.Version(json);
        // A type this service lacks becomes a placeholder that faults only if the flow reaches it, as in Elsa.
        var activity = registry.Find(type, version) ?? new MissingActivity(type, version);
        return new ActivityNode
        {
            Id = id,
            NodeId = ActivityJson.NodeId(json)!,
            Type = type,
            Version = version,
            Name = ActivityJson.Name(json),
            Json = json,
            Activity = activity,
            ScopeNodeId = scope,
        };
    }

    public ActivityNode? FindByNodeId(string nodeId) => _byNodeId.GetValueOrDefault(nodeId);

    /// <summary>The name of the activity with this id (the first found, at any depth), for generated script accessors.</summary>
    public string? NameOf(string activityId) =>
        _byNodeId.Values.FirstOrDefault(n => n.Id == activityId && !string.IsNullOrEmpty(n.Name))?.Name;

    /// <summary>The names of the definition's declared inputs (<c>inputs[].name</c>).</summary>
    public IReadOnlyList<string> DeclaredInputNames =>
        _declaredInputs ??= (Definition.Inputs ?? []).OfType<JsonObject>()
            .Select(i => i["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null)
            .OfType<string>().Where(n => n.Length > 0).Distinct().ToList();

    private IReadOnlyList<string>? _declaredInputs;

    public IEnumerable<ActivityNode> AllNodes => _byNodeId.Values;

    public IReadOnlyCollection<ActivityNode> ChildrenOf(string flowchartNodeId) =>
        _byScopeAndId.TryGetValue(flowchartNodeId, out var c) ? c.Values : [];

    public ActivityNode? Child(string flowchartNodeId, string activityId) =>
        _byScopeAndId.TryGetValue(flowchartNodeId, out var c) ? c.GetValueOrDefault(activityId) : null;

    public IReadOnlyList<Connection> ConnectionsOf(string flowchartNodeId) =>
        _connectionsByScope.TryGetValue(flowchartNodeId, out var c) ? c : [];

    public IEnumerable<Connection> Outbound(ActivityNode node) =>
        node.ScopeNodeId is null ? [] : ConnectionsOf(node.ScopeNodeId).Where(c => c.Source == node.Id);

    public IEnumerable<Connection> Inbound(ActivityNode node) =>
        node.ScopeNodeId is null ? [] : ConnectionsOf(node.ScopeNodeId).Where(c => c.Target == node.Id);

    /// <summary>
    /// The activities a flowchart starts with: an <c>Elsa.Start</c>, else those marked <c>canStartWorkflow</c>,
    /// else those with no inbound connection.
    /// </summary>
    public IReadOnlyList<ActivityNode> StartNodes(string flowchartNodeId)
    {
        var children = ChildrenOf(flowchartNodeId);
        var start = children.Where(c => c.Type == "Elsa.Start").ToList();
        if (start.Count > 0) return start.Take(1).ToList();
        var triggers = children.Where(c => c.Json["customProperties"]?["canStartWorkflow"] is JsonValue v
                                           && v.TryGetValue<bool>(out var b) && b).ToList();
        if (triggers.Count > 0) return triggers;
        var targets = ConnectionsOf(flowchartNodeId).Select(c => c.Target).ToHashSet();
        return children.Where(c => !targets.Contains(c.Id)).ToList();
    }
}

using System.Text.Json.Nodes;

namespace Workflows.Runtime.Definitions;

/// <summary>Reads the envelope of an activity's JSON (id, nodeId, type, version, name) without copying it.</summary>
public static class ActivityJson
{
    public const string FlowchartType = "Elsa.Flowchart";
    public const string RootNodeIdPrefix = "Workflow1";

    public static string? Id(JsonObject activity) => Text(activity, "id");
    public static string? NodeId(JsonObject activity) => Text(activity, "nodeId");
    public static string? Type(JsonObject activity) => Text(activity, "type");
    public static string? Name(JsonObject activity) => Text(activity, "name");

    public static int Version(JsonObject activity) =>
        activity["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 1;

    public static IEnumerable<JsonObject> Children(JsonObject flowchart) =>
        flowchart["activities"] is JsonArray list ? list.OfType<JsonObject>() : [];

    public static IEnumerable<JsonObject> Connections(JsonObject flowchart) =>
        flowchart["connections"] is JsonArray list ? list.OfType<JsonObject>() : [];

    public static bool IsFlowchart(JsonObject activity) => Type(activity) == FlowchartType;

    /// <summary>
    /// Gives every activity a nodeId of the form parent + ":" + id, as Elsa and Studio do. Studio crashes on an
    /// activity without one, and the journal refers to activities by it. Existing nodeIds are kept.
    /// </summary>
    public static void AssignNodeIds(JsonObject root)
    {
        if (NodeId(root) is null && Id(root) is { } rootId)
            root["nodeId"] = $"{RootNodeIdPrefix}:{rootId}";
        AssignChildren(root);
    }

    private static void AssignChildren(JsonObject parent)
    {
        var parentNodeId = NodeId(parent);
        foreach (var child in Children(parent))
        {
            if (NodeId(child) is null && Id(child) is { } id && parentNodeId is not null)
                child["nodeId"] = $"{parentNodeId}:{id}";
            if (IsFlowchart(child))
                AssignChildren(child);
        }
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}

using System.Text.Json.Nodes;

namespace Workflows.Runtime.Definitions;

/// <summary>A flowchart connection: from an activity's outcome port to another activity's "In" port.</summary>
public sealed record Connection(string Source, string SourcePort, string Target, string TargetPort)
{
    public const string DefaultSourcePort = "Done";
    public const string DefaultTargetPort = "In";

    /// <summary>Reads Elsa 3's form <c>{source:{activity,port}, target:{activity,port}}</c>, or the flat legacy form.</summary>
    public static Connection? From(JsonObject json)
    {
        if (json["source"] is JsonObject s && json["target"] is JsonObject t)
            return Create(Str(s["activity"]), Str(s["port"]), Str(t["activity"]), Str(t["port"]));
        return Create(Str(json["source"]), Str(json["sourcePort"]), Str(json["target"]), Str(json["targetPort"]));
    }

    private static Connection? Create(string? source, string? sourcePort, string? target, string? targetPort) =>
        source is null || target is null
            ? null
            : new Connection(source, sourcePort ?? DefaultSourcePort, target, targetPort ?? DefaultTargetPort);

    private static string? Str(JsonNode? n) =>
        n is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}

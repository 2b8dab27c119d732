using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>Builds small Elsa definitions in their JSON form for tests.</summary>
public static class Flowcharts
{
    public static JsonObject Definition(string definitionId, string name, JsonArray activities, JsonArray connections) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = name,
        ["root"] = new JsonObject
        {
            ["id"] = "flow1",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = activities,
            ["connections"] = connections,
        },
    };

    public static JsonObject Activity(string id, string type, params (string Key, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (key, value) in inputs)
            activity[key] = value;
        return activity;
    }

    public static JsonObject Literal(string typeName, JsonNode? value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    public static JsonObject Connect(string from, string to, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    /// <summary>Start -> Delay(span) -> WriteLine("done").</summary>
    public static JsonObject DelayThenWrite(string definitionId, string span) => Definition(definitionId, "延时 " + span,
        [
            Activity("start", "Elsa.Start"),
            Activity("wait", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", span))),
            Activity("write", "Elsa.WriteLine", ("text", Literal("String", "done"))),
        ],
        [Connect("start", "wait"), Connect("wait", "write")]);
}

using System.Text.Json.Nodes;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Conformance;

/// <summary>
/// Writes a small Elsa 3.8 flowchart definition as Studio would save it, for the conformance tests: activities
/// with wrapped inputs and connections between ports. Each test reads as the diagram it draws.
/// </summary>
internal sealed class Flow
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];
    private int _x;

    public Flow Start(string id = "start") => Add(id, "Elsa.Start");

    public Flow Line(string id, string text) => Add(id, "Elsa.WriteLine", ("text", Fixture.Input("String", "Literal", text)));

    public Flow LineJs(string id, string script) => Add(id, "Elsa.WriteLine", ("text", Fixture.Input("String", "JavaScript", script)));

    public Flow Decision(string id, string script) => Add(id, "Elsa.FlowDecision", ("condition", Fixture.Input("Boolean", "JavaScript", script)));

    public Flow Join(string id, string? mode = null) =>
        mode is null ? Add(id, "Elsa.FlowJoin") : Add(id, "Elsa.FlowJoin", ("mode", Fixture.Input("String", "Literal", mode)));

    public Flow Event(string id, string name) => Add(id, "Elsa.Event", ("eventName", Fixture.Input("String", "Literal", name)));

    public Flow Delay(string id, string timeSpan) => Add(id, "Elsa.Delay", ("timeSpan", Fixture.Input("TimeSpan", "Literal", timeSpan)));

    public Flow SetVariable(string id, string variable, string script) => Add(id, "Elsa.SetVariable",
        ("variable", new JsonObject { ["id"] = variable, ["name"] = variable }),
        ("value", Fixture.Input("Object", "JavaScript", script)));

    public Flow Variable(string name, string type, string? value) =>
        Do(() => _variables.Add(new JsonObject { ["id"] = name, ["name"] = name, ["typeName"] = type, ["isArray"] = false, ["value"] = value }));

    /// <summary>Any activity type with literal JSON properties (for activities without a shortcut here).</summary>
    public Flow Add(string id, string type, params (string Key, JsonNode? Value)[] properties)
    {
        var activity = new JsonObject
        {
            ["id"] = id, ["name"] = id, ["type"] = type, ["version"] = 1,
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = _x += 200, ["y"] = 0 } } },
        };
        foreach (var (key, value) in properties) activity[key] = value;
        _activities.Add(activity);
        return this;
    }

    public Flow Connect(string source, string target, string port = "Done") => Do(() => _connections.Add(new JsonObject
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    }));

    /// <summary>Connects each activity to the next.</summary>
    public Flow Chain(params string[] ids)
    {
        for (var i = 0; i + 1 < ids.Length; i++) Connect(ids[i], ids[i + 1]);
        return this;
    }

    public JsonObject Json(string definitionId) => new()
    {
        ["id"] = definitionId + "-v1", ["definitionId"] = definitionId, ["name"] = definitionId, ["version"] = 1,
        ["toolVersion"] = "3.8.0.0", ["isLatest"] = true, ["isPublished"] = false,
        ["variables"] = _variables.DeepClone(),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = _activities.DeepClone(), ["connections"] = _connections.DeepClone(),
        },
    };

    public WorkflowDefinition Build(string definitionId) => DefinitionJson.Deserialize(Json(definitionId).ToJsonString());

    private Flow Do(Action action)
    {
        action();
        return this;
    }
}

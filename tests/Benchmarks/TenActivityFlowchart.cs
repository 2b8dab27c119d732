using System.Text.Json.Nodes;
using Workflows.Runtime.Definitions;

namespace Workflows.Benchmarks;

/// <summary>A 10-activity flowchart: Start, 8 SetVariable/WriteLine steps (one of them optionally an Event), End.</summary>
internal static class TenActivityFlowchart
{
    public static WorkflowDefinition Create(string definitionId, bool withEvent)
    {
        var activities = new JsonArray { Activity("a0", "Elsa.Start", []) };
        for (var i = 1; i <= 8; i++)
        {
            var id = $"a{i}";
            if (withEvent && i == 4)
                activities.Add(Activity(id, "Elsa.Event", new() { ["eventName"] = Literal("String", "go") }));
            else if (i % 2 == 0)
                activities.Add(Activity(id, "Elsa.WriteLine", new() { ["text"] = Literal("String", $"step {i}") }));
            else
                activities.Add(Activity(id, "Elsa.SetVariable", new()
                {
                    ["variable"] = new JsonObject { ["id"] = "v1", ["name"] = "counter" },
                    ["value"] = Literal("Object", i),
                }));
        }
        activities.Add(Activity("a9", "Elsa.End", []));
        var connections = new JsonArray();
        for (var i = 0; i < 9; i++)
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = $"a{i}", ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = $"a{i + 1}", ["port"] = "In" },
            });
        return new WorkflowDefinition
        {
            DefinitionId = definitionId,
            Name = definitionId,
            Variables = [new JsonObject { ["id"] = "v1", ["name"] = "counter", ["typeName"] = "Int32" }],
            Root = new JsonObject { ["id"] = "flow1", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["activities"] = activities, ["connections"] = connections },
        };
    }

    private static JsonObject Activity(string id, string type, JsonObject inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (key, value) in inputs.ToList())
        {
            inputs.Remove(key);
            activity[key] = value;
        }
        return activity;
    }

    private static JsonObject Literal(string typeName, JsonNode value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
}

using System.Text.Json.Nodes;
using Workflows.Runtime.Definitions;

namespace Workflows.Runtime.Tests.Harness;

/// <summary>Definition fixtures stored as Elsa 3 JSON in <c>Fixtures/</c> next to the tests.</summary>
internal static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject Node(string name) => JsonNode.Parse(Text(name))!.AsObject();

    public static WorkflowDefinition Definition(string name) => DefinitionJson.Deserialize(Text(name));

    /// <summary>A fixture changed before use (for a variant of a definition, such as a different script).</summary>
    public static WorkflowDefinition Definition(string name, Action<JsonObject> change)
    {
        var json = Node(name);
        change(json);
        return DefinitionJson.Deserialize(json.ToJsonString());
    }

    /// <summary>The activity with this id anywhere under the definition's root.</summary>
    public static JsonObject Activity(JsonObject definition, string id) =>
        FindActivity(definition["root"]!.AsObject(), id) ?? throw new ArgumentException($"No activity '{id}' in the fixture.");

    private static JsonObject? FindActivity(JsonObject activity, string id)
    {
        if (ActivityJson.Id(activity) == id) return activity;
        return ActivityJson.Children(activity).Select(child => FindActivity(child, id)).OfType<JsonObject>().FirstOrDefault();
    }

    /// <summary>A wrapped input as Studio writes it.</summary>
    public static JsonObject Input(string typeName, string expressionType, JsonNode? value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = expressionType, ["value"] = value },
    };
}

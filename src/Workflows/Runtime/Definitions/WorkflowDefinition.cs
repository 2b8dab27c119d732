using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Workflows.Runtime.Definitions;

/// <summary>
/// One version of an Elsa 3 workflow definition. Known members are typed; everything else the JSON carried
/// is kept in <see cref="Extra"/> so that a definition written by a real Elsa server or by Studio survives a
/// round trip through this service unchanged.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>The version id (unique per version).</summary>
    public string Id { get; set; } = "";

    public string DefinitionId { get; set; } = "";
    public string? Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public int Version { get; set; } = 1;
    public string? ToolVersion { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }

    /// <summary>Variables as Elsa writes them: <c>{id, name, typeName, isArray, value, storageDriverTypeName}</c>.</summary>
    public JsonArray? Variables { get; set; }

    /// <summary>Workflow inputs: <c>{type, name, displayName, description, category, isArray, uiHint}</c>.</summary>
    public JsonArray? Inputs { get; set; }

    public JsonArray? Outputs { get; set; }
    public JsonArray? Outcomes { get; set; }
    public JsonObject? Options { get; set; }
    public JsonObject? CustomProperties { get; set; }

    /// <summary>The root activity; an <c>Elsa.Flowchart</c> for every definition this runtime executes.</summary>
    public JsonObject? Root { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public WorkflowDefinition Clone() => DefinitionJson.Deserialize(DefinitionJson.Serialize(this));

    /// <summary>Variables in typed form, read from <see cref="Variables"/>.</summary>
    public IReadOnlyList<VariableDefinition> ReadVariables() =>
        Variables is null ? [] : Variables.OfType<JsonObject>().Select(VariableDefinition.From).ToList();
}

/// <summary>A workflow variable as declared in a definition.</summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, bool IsArray, JsonNode? Value)
{
    public static VariableDefinition From(JsonObject json)
    {
        var name = json["name"]?.GetValue<string>() ?? "";
        var id = json["id"]?.GetValue<string>() ?? name;
        var typeName = json["typeName"]?.GetValue<string>() ?? "Object";
        var isArray = json["isArray"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        return new VariableDefinition(id, name, typeName, isArray, json["value"]?.DeepClone());
    }
}

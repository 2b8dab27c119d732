using System.Text.Json.Nodes;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Definitions;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// A stored definition version as Studio reads it: links, nodeIds on every activity, <c>options</c> and
/// <c>customProperties</c> never null, and a placeholder for each activity this service has no descriptor for.
/// </summary>
internal sealed class DefinitionPresenter(ActivityRegistry registry)
{
    /// <summary>The address Elsa writes first in an exported file, so tools recognise the format.</summary>
    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    public JsonObject Present(WorkflowDefinition definition)
    {
        var json = Model(definition);
        json["links"] = System.Text.Json.JsonSerializer.SerializeToNode(ElsaShapes.DefinitionLinks(definition.DefinitionId), ElsaShapes.Json);
        return json;
    }

    /// <summary>The file a definition is exported to: the model without links, after a <c>$schema</c> line.</summary>
    public JsonObject Export(WorkflowDefinition definition)
    {
        var file = new JsonObject { ["$schema"] = SchemaUrl };
        foreach (var (key, value) in Model(definition).ToList())
            file[key] = value?.DeepClone();
        return file;
    }

    private JsonObject Model(WorkflowDefinition definition)
    {
        var json = JsonNode.Parse(DefinitionJson.Serialize(definition))!.AsObject();
        json["options"] ??= new JsonObject();
        json["customProperties"] ??= new JsonObject();
        json["variables"] ??= new JsonArray();
        json["inputs"] ??= new JsonArray();
        json["outputs"] ??= new JsonArray();
        json["outcomes"] ??= new JsonArray();
        json["isReadonly"] = false;
        json["isSystem"] = false;
        json["materializerName"] = "Json";
        if (json["root"] is JsonObject root)
        {
            ActivityJson.AssignNodeIds(root);
            NotFoundActivities.Substitute(root, registry);
        }
        return json;
    }
}

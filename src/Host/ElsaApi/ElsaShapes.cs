using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Persistence;
using Workflows.Runtime.Definitions;

namespace Workflows.Host.ElsaApi;

/// <summary>Turns stored records into the JSON shapes Elsa's client reads (camelCase, nulls omitted, string enums).</summary>
internal static class ElsaShapes
{
    /// <summary>A full WorkflowDefinition with the HATEOAS links without which Studio opens it read-only.</summary>
    public static JsonObject Definition(WorkflowDefinition definition)
    {
        var json = JsonNode.Parse(DefinitionJson.Serialize(definition))!.AsObject();
        json["links"] = DefinitionLinks(definition.DefinitionId);
        json["options"] ??= new JsonObject();
        json["customProperties"] ??= new JsonObject();
        return json;
    }

    public static JsonObject Summary(DefinitionRecord row) => new()
    {
        ["id"] = row.Id,
        ["definitionId"] = row.DefinitionId,
        ["name"] = row.Name ?? row.DefinitionId,
        ["description"] = row.Description,
        ["version"] = row.Version,
        ["isLatest"] = row.IsLatest,
        ["isPublished"] = row.IsPublished,
        ["createdAt"] = row.CreatedAt,
        ["materializerName"] = "Json",
        ["isMaterializerAvailable"] = true,
        ["links"] = DefinitionLinks(row.DefinitionId),
    };

    public static JsonArray DefinitionLinks(string definitionId) =>
    [
        Link($"/workflow-definitions/{definitionId}/publish", "publish", "POST"),
        Link($"/workflow-definitions/{definitionId}/retract", "retract", "POST"),
        Link($"/workflow-definitions/{definitionId}", "delete", "DELETE"),
    ];

    public static JsonObject Link(string href, string rel, string method) => new() { ["href"] = href, ["rel"] = rel, ["method"] = method };

    public static JsonObject InstanceSummary(InstanceRecord row)
    {
        var json = new JsonObject
        {
            ["id"] = row.Id,
            ["definitionId"] = row.DefinitionId,
            ["definitionVersionId"] = row.DefinitionVersionId,
            ["version"] = row.Version,
            ["status"] = row.Status,
            ["subStatus"] = row.SubStatus,
            ["correlationId"] = row.CorrelationId,
            ["name"] = row.Name,
            ["incidentCount"] = row.IncidentCount,
            ["createdAt"] = row.CreatedAt,
            ["updatedAt"] = row.UpdatedAt,
            ["finishedAt"] = row.FinishedAt,
        };
        return WithoutNulls(json);
    }

    /// <summary>A WorkflowInstance: the summary plus <c>workflowState</c>, which the instance viewer requires.</summary>
    public static JsonObject Instance(InstanceRecord row)
    {
        var json = InstanceSummary(row);
        var state = JsonNode.Parse(row.StateJson)!.AsObject();
        // Elsa calls the version "definitionVersion" in the state and keeps activity contexts there.
        state["definitionVersion"] = row.Version;
        state["completionCallbacks"] ??= new JsonArray();
        state["activityExecutionContexts"] ??= new JsonArray();
        json["workflowState"] = state;
        return json;
    }

    public static JsonObject WithoutNulls(JsonObject json)
    {
        foreach (var key in json.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
            json.Remove(key);
        return json;
    }

    public static JsonNode? ParseOrNull(string? json) => json is null ? null : JsonNode.Parse(json);

    public static readonly JsonSerializerOptions Json = DefinitionJson.Options;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Runtime;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;

namespace Workflows.Host.ElsaApi;

/// <summary>Elsa's workflow-definition routes: save (draft or publish) and execute.</summary>
internal static class WorkflowDefinitionEndpoints
{
    public static RouteGroupBuilder MapWorkflowDefinitionEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/workflow-definitions", SaveAsync);
        elsa.MapPost("/workflow-definitions/{definitionId}/execute", ExecuteAsync);
        return elsa;
    }

    public sealed record SaveRequest(JsonObject? Model, bool? Publish);

    private static async Task<IResult> SaveAsync(HttpRequest request, DefinitionService definitions, CancellationToken ct)
    {
        SaveRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<SaveRequest>(ElsaShapes.Json, ct);
        }
        catch (JsonException ex)
        {
            return ElsaErrors.BadRequest("body", $"The request body is not valid JSON: {ex.Message}");
        }
        if (body?.Model is null)
            return ElsaErrors.BadRequest("model", "The request has no 'model' (the workflow definition).");
        WorkflowDefinition model;
        try
        {
            model = DefinitionJson.Deserialize(body.Model.ToJsonString());
        }
        catch (DefinitionFormatException ex)
        {
            return ElsaErrors.BadRequest("model", ex.Message);
        }
        try
        {
            var saved = await definitions.SaveAsync(model, body.Publish == true, ct);
            return Results.Json(new JsonObject
            {
                ["workflowDefinition"] = ElsaShapes.Definition(saved.Definition),
                ["alreadyPublished"] = saved.AlreadyPublished,
                ["consumingWorkflowCount"] = 0,
            });
        }
        catch (DefinitionValidationException ex)
        {
            return ElsaErrors.Validation(ex.Errors);
        }
    }

    public sealed record ExecuteRequest(string? CorrelationId, string? TriggerActivityId, string? VersionOptions, JsonObject? Input);

    private static async Task<IResult> ExecuteAsync(string definitionId, HttpContext http, WorkflowRuntime runtime, CancellationToken ct)
    {
        ExecuteRequest? body = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                body = await http.Request.ReadFromJsonAsync<ExecuteRequest>(ElsaShapes.Json, ct);
            }
            catch (JsonException ex)
            {
                return ElsaErrors.BadRequest("body", $"The request body is not valid JSON: {ex.Message}");
            }
        }
        VersionSelector selector;
        try
        {
            selector = VersionSelector.Parse(body?.VersionOptions);
        }
        catch (ArgumentException ex)
        {
            return ElsaErrors.BadRequest("versionOptions", ex.Message);
        }
        try
        {
            var result = await runtime.StartAsync(definitionId, new StartOptions
            {
                CorrelationId = body?.CorrelationId,
                Input = body?.Input?.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()),
            }, selector, ct);
            http.Response.Headers["x-elsa-workflow-instance-id"] = result.State.Id;
            http.Response.Headers["x-elsa-workflow-cannot-start"] = "False";
            http.Response.Headers["x-elsa-response"] = "true";
            return Results.Json(new { workflowState = result.State }, ElsaShapes.Json);
        }
        catch (DefinitionNotFoundException ex)
        {
            http.Response.Headers["x-elsa-workflow-cannot-start"] = "True";
            return Results.Json(new { title = "流程定义不存在 (Definition not found)", detail = ex.Message, status = 404 }, statusCode: 404);
        }
        catch (DefinitionValidationException ex)
        {
            http.Response.Headers["x-elsa-workflow-cannot-start"] = "True";
            return ElsaErrors.Validation(ex.Errors);
        }
    }
}

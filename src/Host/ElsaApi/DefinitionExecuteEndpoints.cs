using System.Text.Json.Nodes;
using Workflows.Runtime;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;

namespace Workflows.Host.ElsaApi;

/// <summary>Starting an instance of a definition: execute (Studio's Run) and dispatch.</summary>
internal static class DefinitionExecuteEndpoints
{
    public const string InstanceIdHeader = "x-elsa-workflow-instance-id";
    public const string CannotStartHeader = "x-elsa-workflow-cannot-start";

    public static RouteGroupBuilder MapDefinitionExecuteEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/workflow-definitions/{definitionId}/execute", async (string definitionId, HttpContext http, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            var (result, error) = await StartAsync(definitionId, http, runtime, ct);
            if (error is not null) return error;
            http.Response.Headers["x-elsa-response"] = "true";
            return Results.Json(new { workflowState = result!.State }, ElsaShapes.Json);
        });
        // Elsa queues a dispatched start; here it runs to its first wait before answering, like execute.
        elsa.MapPost("/workflow-definitions/{definitionId}/dispatch", async (string definitionId, HttpContext http, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            var (result, error) = await StartAsync(definitionId, http, runtime, ct);
            return error ?? ElsaShapes.Ok(new { workflowInstanceId = result!.State.Id });
        });
        return elsa;
    }

    public sealed record ExecuteRequest(string? CorrelationId, string? TriggerActivityId, string? VersionOptions, JsonObject? Input);

    /// <summary>
    /// Studio ignores the status code and reads only the headers: the instance id (toast, navigation) or
    /// cannot-start (error toast). They are exposed to cross-origin callers by the CORS policy.
    /// </summary>
    private static async Task<(RunResult? Result, IResult? Error)> StartAsync(string definitionId, HttpContext http, WorkflowRuntime runtime, CancellationToken ct)
    {
        var reader = new ElsaRequest(http.Request);
        var body = await reader.BodyAsync<ExecuteRequest>(ct);
        if (!reader.IsValid) return CannotStart(http, reader.Invalid());
        VersionSelector selector;
        try
        {
            selector = VersionSelector.Parse(body?.VersionOptions);
        }
        catch (ArgumentException ex)
        {
            return CannotStart(http, ElsaErrors.BadRequest("versionOptions", ex.Message));
        }
        try
        {
            var result = await runtime.StartAsync(definitionId, new StartOptions
            {
                CorrelationId = body?.CorrelationId,
                Input = body?.Input?.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()),
            }, selector, ct);
            http.Response.Headers[InstanceIdHeader] = result.State.Id;
            http.Response.Headers[CannotStartHeader] = "False";
            return (result, null);
        }
        catch (DefinitionNotFoundException ex)
        {
            return CannotStart(http, ElsaErrors.NotFound("definitionId", ex.Message));
        }
        catch (DefinitionValidationException ex)
        {
            return CannotStart(http, ElsaErrors.Validation(ex.Errors));
        }
    }

    private static (RunResult?, IResult) CannotStart(HttpContext http, IResult error)
    {
        http.Response.Headers[CannotStartHeader] = "True";
        return (null, error);
    }
}

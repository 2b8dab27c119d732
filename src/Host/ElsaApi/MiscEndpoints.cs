using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Runtime.Engine;

namespace Workflows.Host.ElsaApi;

/// <summary>Features, package version, JavaScript type definitions, and events.</summary>
internal static class MiscEndpoints
{
    public sealed record TriggerEventRequest(string? WorkflowInstanceId, string? CorrelationId, string? ActivityInstanceId, JsonNode? Input);

    public static RouteGroupBuilder MapMiscEndpoints(this RouteGroupBuilder elsa)
    {
        // Advertise nothing: each Elsa feature listed here switches on Studio calls this service does not answer
        // (a listed RealTimeWorkflowUpdates makes the viewer negotiate SignalR, and a failed negotiate crashes it).
        elsa.MapGet("/features/installed", () => ElsaShapes.Ok(new ListResult<object>([])));
        elsa.MapGet("/features/installed/{fullName}", (string fullName) =>
            ElsaErrors.NotFound("fullName", $"Feature '{fullName}' is not installed."));
        elsa.MapGet("/package/version", () => ElsaShapes.Ok(new { packageVersion = PackageVersion }));
        elsa.MapGet("/workflow-contexts/provider-descriptors", () => ElsaShapes.Ok(new ListResult<object>([])));
        elsa.MapPost("/scripting/javascript/type-definitions/{definitionId}", TypeDefinitionsAsync);
        elsa.MapPost("/events/{eventName}/trigger", TriggerEventAsync);
        return elsa;
    }

    /// <summary>This service's version (not Elsa's): Studio shows it as the server's version.</summary>
    private static readonly string PackageVersion =
        (typeof(MiscEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>
    /// Monaco's IntelliSense for JavaScript inputs: the globals the runtime's sandbox provides, and the names of
    /// the definition's variables. Studio tolerates a 404 here, so an unknown definition answers 404.
    /// </summary>
    private static async Task<IResult> TypeDefinitionsAsync(string definitionId, WorkflowsDbContext db, CancellationToken ct)
    {
        var row = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.IsLatest).ThenByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (row is null) return ElsaErrors.NotFound("definitionId", $"No workflow definition '{definitionId}'.");
        var names = EfDefinitionStore.ToModel(row).ReadVariables().Select(v => v.Name).Where(n => n.Length > 0).Distinct().ToList();
        var variableType = names.Count == 0 ? "string" : string.Join(" | ", names.Select(n => JsonSerializer.Serialize(n, ElsaShapes.Json)));
        var text = new StringBuilder()
            .AppendLine($"type VariableName = {variableType};")
            .AppendLine("/** Reads a workflow variable. */")
            .AppendLine("declare function getVariable(name: VariableName): any;")
            .AppendLine("/** Sets a workflow variable. */")
            .AppendLine("declare function setVariable(name: VariableName, value: any): void;")
            .AppendLine("/** Reads a workflow input by name. */")
            .AppendLine("declare function getWorkflowInput(name: string): any;")
            .AppendLine("declare const variables: { [name: string]: any };")
            .AppendLine("declare const input: { [name: string]: any };")
            .AppendLine("declare const workflowInstanceId: string;")
            .AppendLine("declare const correlationId: string | null;")
            .AppendLine("declare const definitionId: string;")
            .ToString();
        return Results.File(Encoding.UTF8.GetBytes(text), "application/x-typescript", $"elsa.{definitionId}.d.ts");
    }

    /// <summary>
    /// Resumes the instances waiting for this event (all, or one instance / one correlation id). The input
    /// becomes the Event activity's output. Answers how many instances were resumed.
    /// </summary>
    private static async Task<IResult> TriggerEventAsync(string eventName, HttpRequest request, WorkflowRuntime runtime, CancellationToken ct)
    {
        var reader = new ElsaRequest(request);
        var body = await reader.BodyAsync<TriggerEventRequest>(ct);
        if (!reader.IsValid) return reader.Invalid();
        if (string.IsNullOrWhiteSpace(eventName)) return ElsaErrors.BadRequest("eventName", "Give the event name.");
        var scope = new EventScope(NullIfEmpty(body?.WorkflowInstanceId), NullIfEmpty(body?.CorrelationId));
        var resumed = await runtime.PublishEventAsync(eventName, body?.Input?.DeepClone(), scope, ct);
        return ElsaShapes.Ok(new { resumed });
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

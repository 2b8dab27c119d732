using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Expressions;

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
    /// Monaco's IntelliSense for JavaScript inputs: Elsa's functions, which the runtime's sandbox provides, and the
    /// accessors generated for this definition's variables, inputs and activity outputs. Studio tolerates a 404
    /// here, so an unknown definition answers 404.
    /// </summary>
    private static async Task<IResult> TypeDefinitionsAsync(string definitionId, WorkflowsDbContext db, ActivityRegistry registry, CancellationToken ct)
    {
        var row = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.IsLatest).ThenByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (row is null) return ElsaErrors.NotFound("definitionId", $"No workflow definition '{definitionId}'.");
        var definition = EfDefinitionStore.ToModel(row);
        var variables = definition.ReadVariables().Select(v => v.Name).Where(n => n.Length > 0).Distinct().ToList();
        var inputs = (definition.Inputs ?? []).OfType<JsonObject>().Select(i => i["name"]?.ToString()).OfType<string>().ToList();
        var outputs = new List<(string Activity, string Output)>();
        void Collect(JsonObject container)
        {
            foreach (var activity in ActivityJson.Children(container))
            {
                if (ActivityJson.Name(activity) is { } name && ActivityJson.Type(activity) is { } type
                    && registry.Find(type, ActivityJson.Version(activity)) is { } implementation)
                    outputs.AddRange(implementation.Descriptor.Outputs.Select(o => (name, o.Name)));
                Collect(activity);
            }
        }
        if (definition.Root is { } root) Collect(root);
        var text = JavaScriptApi.TypeDefinitions(variables, inputs, outputs);
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

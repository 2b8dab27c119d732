using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Expressions;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// The editor's Test tab (<c>POST /tests/activities</c>). Elsa runs the activity on its own; here that could
/// send mail or start timers from a design screen, so the test is a dry run: the inputs are evaluated (scripts
/// included, in their sandbox) and shown, the activity itself does not run, and the status stays Pending.
/// </summary>
internal static class ActivityTestEndpoints
{
    public sealed record DefinitionHandle(string? DefinitionId, string? VersionOptions, string? DefinitionVersionId);

    public sealed record ActivityHandle(string? ActivityId, string? ActivityNodeId);

    public sealed record TestRequest(DefinitionHandle? WorkflowDefinitionHandle, ActivityHandle? ActivityHandle);

    public sealed record TestResponse(JsonObject ActivityState, ActivityStatus Status, ExceptionState? Exception);

    public static RouteGroupBuilder MapActivityTestEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/tests/activities", TestAsync);
        return elsa;
    }

    private static async Task<IResult> TestAsync(HttpRequest request, WorkflowsDbContext db, ActivityRegistry registry,
        ExpressionEvaluator evaluator, TimeProvider clock, CancellationToken ct)
    {
        var reader = new ElsaRequest(request);
        var body = await reader.BodyAsync<TestRequest>(ct);
        if (!reader.IsValid) return reader.Invalid();
        var row = await FindDefinitionAsync(body?.WorkflowDefinitionHandle, db, ct);
        if (row is null) return ElsaErrors.BadRequest("workflowDefinitionHandle", "Workflow definition not found.");
        var definition = EfDefinitionStore.ToModel(row);
        var root = definition.Root;
        if (root is not null) ActivityJson.AssignNodeIds(root);
        var handle = body?.ActivityHandle;
        var activity = root is null ? null : Find(root, a =>
            (handle?.ActivityNodeId is { } nodeId && ActivityJson.NodeId(a) == nodeId)
            || (handle?.ActivityNodeId is null && handle?.ActivityId is { } id && ActivityJson.Id(a) == id));
        if (activity is null) return ElsaErrors.BadRequest("activityHandle", "Activity not found.");
        if (ActivityJson.Type(activity) is not { } type || registry.Find(type, ActivityJson.Version(activity)) is not { } implementation)
            return ElsaShapes.Ok(Faulted([], new InvalidOperationException($"This service has no activity type '{ActivityJson.Type(activity)}'.")));

        var context = new ExpressionContext
        {
            Variables = definition.ReadVariables().GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First().Value?.DeepClone()),
            VariableNamesById = definition.ReadVariables().GroupBy(v => v.Id).ToDictionary(g => g.Key, g => g.First().Name),
            Input = new Dictionary<string, JsonNode?>(),
            WorkflowInstanceId = "test",
            DefinitionId = definition.DefinitionId,
            Now = clock.GetUtcNow(),
        };
        var state = new JsonObject();
        foreach (var input in implementation.Descriptor.Inputs)
        {
            var raw = activity[input.JsonKey];
            if (raw is null) continue;
            try
            {
                state[input.Name] = raw is JsonObject { } wrapped && wrapped["expression"] is JsonObject expression
                    ? evaluator.Evaluate(expression["type"]?.GetValue<string>() ?? "Literal", expression["value"]?.DeepClone(), context)?.DeepClone()
                    : raw.DeepClone();
            }
            catch (ExpressionException ex)
            {
                return ElsaShapes.Ok(Faulted(state, new ExpressionException($"Input '{input.Name}': {ex.Message}", ex)));
            }
        }
        return ElsaShapes.Ok(new TestResponse(state, ActivityStatus.Pending, null));
    }

    private static TestResponse Faulted(JsonObject state, Exception ex) => new(state, ActivityStatus.Faulted, ExceptionState.From(ex));

    private static async Task<DefinitionRecord?> FindDefinitionAsync(DefinitionHandle? handle, WorkflowsDbContext db, CancellationToken ct)
    {
        if (handle?.DefinitionVersionId is { Length: > 0 } versionId)
            return await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == versionId, ct);
        if (handle?.DefinitionId is not { Length: > 0 } definitionId
            || !VersionFilter.TryParse(handle.VersionOptions, VersionFilter.Latest, out var versions, out _)) return null;
        return await versions.Apply(db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId))
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
    }

    private static JsonObject? Find(JsonObject flowchart, Func<JsonObject, bool> match)
    {
        foreach (var child in ActivityJson.Children(flowchart))
        {
            if (match(child)) return child;
            if (ActivityJson.IsFlowchart(child) && Find(child, match) is { } nested) return nested;
        }
        return null;
    }
}

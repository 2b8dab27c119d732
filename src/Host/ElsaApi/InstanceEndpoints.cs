using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.ElsaApi;

/// <summary>One instance: read it, its execution state and variables; cancel or delete it (also in bulk).</summary>
internal static class InstanceEndpoints
{
    public sealed record BulkCancelRequest(List<string>? Ids, string? DefinitionVersionId, string? DefinitionId, string? VersionOptions);

    public sealed record BulkDeleteRequest(List<string>? Ids, string? WorkflowDefinitionId, List<string>? WorkflowDefinitionIds);

    public static RouteGroupBuilder MapInstanceEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/workflow-instances/{id}", async (string id, WorkflowsDbContext db, CancellationToken ct) =>
            await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } row
                ? ElsaShapes.Ok(InstanceShapes.Instance(row))
                : InstanceNotFound(id));
        // The viewer polls this every 5 s while an instance runs and reloads when updatedAt grows.
        elsa.MapGet("/workflow-instances/{id}/execution-state", async (string id, WorkflowsDbContext db, CancellationToken ct) =>
            await db.Instances.AsNoTracking().Where(i => i.Id == id)
                    .Select(i => new { i.Status, i.SubStatus, i.UpdatedAt }).FirstOrDefaultAsync(ct) is { } s
                ? ElsaShapes.Ok(new { status = s.Status, subStatus = s.SubStatus, workflowSubStatus = s.SubStatus, updatedAt = s.UpdatedAt })
                : InstanceNotFound(id));
        elsa.MapGet("/workflow-instances/{id}/variables", VariablesAsync);
        elsa.MapPost("/cancel/workflow-instances/{id}", CancelAsync);
        elsa.MapDelete("/workflow-instances/{id}", async (string id, WorkflowsDbContext db, CancellationToken ct) =>
            await InstanceDeletion.DeleteAsync(db, db.Instances.Where(i => i.Id == id), ct) > 0 ? Results.NoContent() : InstanceNotFound(id));
        elsa.MapPost("/bulk-actions/cancel/workflow-instances", BulkCancelAsync);
        elsa.MapPost("/bulk-actions/delete/workflow-instances", BulkDeleteAsync);
        elsa.MapPost("/bulk-actions/delete/workflow-instances/by-id", BulkDeleteAsync);
        // Instances are made by this service only; an uploaded instance could not be trusted to match a definition.
        elsa.MapPost("/bulk-actions/import/workflow-instances", () => ElsaShapes.Ok(new { count = 0 })).DisableAntiforgery();
        return elsa;
    }

    public static IResult InstanceNotFound(string id) => ElsaErrors.NotFound("id", $"No workflow instance '{id}'.");

    /// <summary>Variables by the ids the definition gave them (the state keeps them by name).</summary>
    private static async Task<IResult> VariablesAsync(string id, WorkflowsDbContext db, CancellationToken ct)
    {
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return InstanceNotFound(id);
        var state = EfInstanceStore.ReadState(row.StateJson);
        var definitionRow = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == row.DefinitionVersionId, ct);
        var declared = definitionRow is null ? [] : EfDefinitionStore.ToModel(definitionRow).ReadVariables();
        var ids = declared.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var items = state.Variables.Select(kv => new VariableModel(ids.GetValueOrDefault(kv.Key, kv.Key), kv.Key, kv.Value?.DeepClone()))
            .ToList();
        return ElsaShapes.Ok(new ListResult<VariableModel>(items));
    }

    /// <summary>Cancelling a finished instance does nothing and succeeds, as in Elsa.</summary>
    private static async Task<IResult> CancelAsync(string id, WorkflowsDbContext db, WorkflowRuntime runtime, CancellationToken ct)
    {
        var status = await db.Instances.AsNoTracking().Where(i => i.Id == id).Select(i => i.Status).FirstOrDefaultAsync(ct);
        if (status is null) return InstanceNotFound(id);
        if (status != nameof(WorkflowStatus.Running)) return Results.Ok();
        try
        {
            await runtime.CancelAsync(id, ct);
            return Results.Ok();
        }
        catch (InstanceNotFoundException)
        {
            return InstanceNotFound(id);
        }
        catch (ConcurrencyConflictException ex)
        {
            return ElsaErrors.Conflict("id", ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // Finished while we were cancelling is the outcome the caller wanted; anything else (its definition
            // version is gone) is reported.
            var stillRunning = await db.Instances.AnyAsync(i => i.Id == id && i.Status == nameof(WorkflowStatus.Running), ct);
            return stillRunning ? ElsaErrors.BadRequest("id", ex.Message) : Results.Ok();
        }
    }

    private static async Task<IResult> BulkCancelAsync(HttpRequest request, WorkflowsDbContext db, WorkflowRuntime runtime, CancellationToken ct)
    {
        var reader = new ElsaRequest(request);
        var body = await reader.BodyAsync<BulkCancelRequest>(ct);
        if (!reader.IsValid) return reader.Invalid();
        if (body is null || (body.Ids is null && body.DefinitionVersionId is null && body.DefinitionId is null))
            return ElsaErrors.BadRequest("ids", "Give 'ids', 'definitionVersionId', or 'definitionId' with 'versionOptions'.");
        var targets = new List<string>();
        var running = db.Instances.AsNoTracking().Running();
        if (body.Ids is { } ids) targets.AddRange(await running.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct));
        if (body.DefinitionVersionId is { } versionId)
            targets.AddRange(await running.Where(i => i.DefinitionVersionId == versionId).Select(i => i.Id).ToListAsync(ct));
        if (body.DefinitionId is { } definitionId)
        {
            if (!VersionFilter.TryParse(body.VersionOptions, VersionFilter.AllVersions, out var versions, out var error))
                return ElsaErrors.BadRequest("versionOptions", error!);
            var versionIds = versions.Apply(db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)).Select(d => d.Id);
            targets.AddRange(await running.Where(i => i.DefinitionId == definitionId && versionIds.Contains(i.DefinitionVersionId))
                .Select(i => i.Id).ToListAsync(ct));
        }
        var cancelled = 0;
        foreach (var id in targets.Distinct())
        {
            if (await TryCancelAsync(runtime, id, ct)) cancelled++;
        }
        return ElsaShapes.Ok(new { cancelled });
    }

    /// <summary>Deletes instances whatever their status; deleting is the operator's explicit choice here.</summary>
    private static async Task<IResult> BulkDeleteAsync(HttpRequest request, WorkflowsDbContext db, CancellationToken ct)
    {
        var reader = new ElsaRequest(request);
        var body = await reader.BodyAsync<BulkDeleteRequest>(ct);
        if (!reader.IsValid) return reader.Invalid();
        if (body is null || (body.Ids is null && body.WorkflowDefinitionId is null && body.WorkflowDefinitionIds is null))
            return ElsaErrors.BadRequest("ids", "Give 'ids', 'workflowDefinitionId' or 'workflowDefinitionIds'.");
        var query = db.Instances.AsQueryable();
        if (body.Ids is { } ids) query = query.Where(i => ids.Contains(i.Id));
        if (body.WorkflowDefinitionId is { } definitionId) query = query.Where(i => i.DefinitionId == definitionId);
        if (body.WorkflowDefinitionIds is { } definitionIds) query = query.Where(i => definitionIds.Contains(i.DefinitionId));
        return ElsaShapes.Ok(new { deleted = (long)await InstanceDeletion.DeleteAsync(db, query, ct) });
    }

    /// <summary>Cancels a running instance; false when it had finished meanwhile or was deleted.</summary>
    private static async Task<bool> TryCancelAsync(WorkflowRuntime runtime, string id, CancellationToken ct)
    {
        try
        {
            await runtime.CancelAsync(id, ct);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InstanceNotFoundException or ConcurrencyConflictException)
        {
            return false;
        }
    }
}

/// <summary>One variable of an instance: <c>{id, name, value}</c>.</summary>
internal sealed record VariableModel(string Id, string Name, JsonNode? Value);

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Runtime;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;

namespace Workflows.Host.ElsaApi;

/// <summary>Changing definitions: save (draft or publish), publish, retract, revert, delete.</summary>
internal static class DefinitionCommandEndpoints
{
    public static RouteGroupBuilder MapDefinitionCommandEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/workflow-definitions", SaveAsync);
        elsa.MapPost("/workflow-definitions/{definitionId}/publish", PublishAsync);
        elsa.MapPost("/workflow-definitions/{definitionId}/retract", RetractAsync);
        elsa.MapPost("/workflow-definitions/{definitionId}/revert/{version:int}", RevertAsync);
        elsa.MapDelete("/workflow-definitions/{definitionId}", DeleteAsync);
        elsa.MapDelete("/workflow-definition-versions/{id}", DeleteVersionAsync);
        elsa.MapDelete("/workflow-definitions/{definitionId}/version/{version:int}", DeleteVersionNumberAsync);
        return elsa;
    }

    public sealed record SaveRequest(JsonObject? Model, bool? Publish);

    /// <summary>
    /// Studio's autosave, save and publish. No definitionId creates a definition; a draft is updated in place;
    /// after a publish the next save starts version N+1. The answer replaces the editor's state, so it carries
    /// the links and nodeIds the editor needs.
    /// </summary>
    private static async Task<IResult> SaveAsync(HttpRequest request, DefinitionService definitions, DefinitionPresenter presenter,
        DefinitionLocks locks, DefinitionAudit audit, CancellationToken ct)
    {
        var reader = new ElsaRequest(request);
        var body = await reader.BodyAsync<SaveRequest>(ct);
        if (!reader.IsValid) return reader.Invalid();
        if (body?.Model is not { } modelJson)
            return ElsaErrors.BadRequest("model", "The request has no 'model' (the workflow definition).");
        if (!DefinitionModel.TryRead(modelJson, out var model, out var problem)) return problem;
        // The id is given here rather than by the service, so that the audit entry can name the new definition.
        if (string.IsNullOrWhiteSpace(model.DefinitionId)) model.DefinitionId = Ids.New();
        var publish = body.Publish == true;
        using var _ = await locks.AcquireAsync(model.DefinitionId, ct);
        return await GuardAsync(async () =>
        {
            var saved = await audit.RunAsync(model.DefinitionId, (r, before, _) =>
                    publish && !r.AlreadyPublished ? AuditActions.DefinitionPublish
                    : before.Versions.Count == 0 ? AuditActions.DefinitionCreate
                    : null,
                () => definitions.SaveAsync(model, publish, ct), ct);
            return ElsaShapes.Ok(new SaveResponse(presenter.Present(saved.Definition), saved.AlreadyPublished));
        });
    }

    private static async Task<IResult> PublishAsync(string definitionId, DefinitionService definitions, DefinitionPresenter presenter,
        DefinitionLocks locks, DefinitionAudit audit, CancellationToken ct)
    {
        using var _ = await locks.AcquireAsync(definitionId, ct);
        return await GuardAsync(async () =>
        {
            var result = await audit.RunAsync(definitionId, (r, _, _) => r is { AlreadyPublished: false } ? AuditActions.DefinitionPublish : null,
                () => definitions.PublishAsync(definitionId, ct), ct);
            return result is null
                ? ElsaErrors.NotFound("definitionId", $"No workflow definition '{definitionId}'.")
                : ElsaShapes.Ok(new SaveResponse(presenter.Present(result.Definition), result.AlreadyPublished));
        });
    }

    /// <summary>Answers with the retracted definition itself (not wrapped), as Elsa does.</summary>
    private static async Task<IResult> RetractAsync(string definitionId, DefinitionService definitions, DefinitionPresenter presenter,
        DefinitionLocks locks, DefinitionAudit audit, CancellationToken ct)
    {
        using var _ = await locks.AcquireAsync(definitionId, ct);
        return await GuardAsync(async () =>
        {
            var retracted = await audit.RunAsync(definitionId, (r, _, _) => r is null ? null : AuditActions.DefinitionRetract,
                () => definitions.RetractAsync(definitionId, ct), ct);
            return retracted is null
                ? ElsaErrors.NotFound("definitionId", $"No workflow definition '{definitionId}'.")
                : ElsaShapes.Ok(presenter.Present(retracted));
        });
    }

    /// <summary>The old version's content becomes the latest draft; answers with its summary.</summary>
    private static async Task<IResult> RevertAsync(string definitionId, int version, DefinitionService definitions,
        DefinitionLocks locks, DefinitionAudit audit, CancellationToken ct)
    {
        using var _ = await locks.AcquireAsync(definitionId, ct);
        return await GuardAsync(async () =>
        {
            var reverted = await audit.RunAsync(definitionId, (r, _, _) => r is null ? null : AuditActions.DefinitionRevert,
                () => definitions.RevertAsync(definitionId, version, ct), ct);
            return reverted is null
                ? ElsaErrors.NotFound("version", $"Workflow definition '{definitionId}' has no version {version}.")
                : ElsaShapes.Ok(ElsaShapes.Summary(reverted));
        });
    }

    private static async Task<IResult> DeleteAsync(string definitionId, DefinitionDeletion deletion, DefinitionLocks locks, CancellationToken ct)
    {
        using var _ = await locks.AcquireAsync(definitionId, ct);
        var (outcome, running) = await deletion.DeleteDefinitionAsync(definitionId, ct);
        return outcome switch
        {
            DefinitionDeletion.Outcome.Deleted => Results.NoContent(),
            DefinitionDeletion.Outcome.HasRunningInstances => DefinitionDeletion.Refusal("definitionId", definitionId, running),
            _ => ElsaErrors.NotFound("definitionId", $"No workflow definition '{definitionId}'."),
        };
    }

    private static async Task<IResult> DeleteVersionAsync(string id, WorkflowsDbContext db, DefinitionDeletion deletion,
        DefinitionLocks locks, CancellationToken ct)
    {
        var definitionId = await db.Definitions.AsNoTracking().Where(d => d.Id == id).Select(d => d.DefinitionId).FirstOrDefaultAsync(ct);
        if (definitionId is null) return ElsaErrors.NotFound("id", $"No workflow definition version '{id}'.");
        using var _ = await locks.AcquireAsync(definitionId, ct);
        var (outcome, running) = await deletion.DeleteVersionAsync(id, ct);
        return outcome switch
        {
            DefinitionDeletion.Outcome.Deleted => Results.NoContent(),
            DefinitionDeletion.Outcome.HasRunningInstances => DefinitionDeletion.Refusal("id", id, running),
            _ => ElsaErrors.NotFound("id", $"No workflow definition version '{id}'."),
        };
    }

    private static async Task<IResult> DeleteVersionNumberAsync(string definitionId, int version, WorkflowsDbContext db,
        DefinitionDeletion deletion, DefinitionLocks locks, CancellationToken ct)
    {
        var id = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.Version == version)
            .Select(d => d.Id).FirstOrDefaultAsync(ct);
        return id is null
            ? ElsaErrors.NotFound("version", $"Workflow definition '{definitionId}' has no version {version}.")
            : await DeleteVersionAsync(id, db, deletion, locks, ct);
    }

    /// <summary>
    /// Validation problems become Elsa's 400; a version created concurrently elsewhere becomes 409. In a cluster the
    /// other writer may be another host (the <see cref="DefinitionLocks"/> only order this process's requests): the
    /// unique (DefinitionId, Version) index refuses the second insert, or PostgreSQL picks a deadlock victim, and
    /// either way nothing of the refused request was written.
    /// </summary>
    internal static async Task<IResult> GuardAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (DefinitionValidationException ex)
        {
            return ElsaErrors.Validation(ex.Errors);
        }
        catch (Exception ex) when (ex is DbUpdateException || DbErrors.IsUniqueViolation(ex) || DbErrors.IsRetryable(ex))
        {
            return ElsaErrors.Conflict("definitionId",
                "该流程定义同时被另一请求修改，本次保存未生效，请重新加载后再试。The definition was changed at the same time by another request; reload and try again.");
        }
    }
}

/// <summary>The answer of save and publish: <c>{workflowDefinition, alreadyPublished, consumingWorkflowCount}</c>.</summary>
internal sealed record SaveResponse(JsonObject WorkflowDefinition, bool AlreadyPublished)
{
    public int ConsumingWorkflowCount => 0;
    public IReadOnlyList<string> ValidationErrors => [];
}

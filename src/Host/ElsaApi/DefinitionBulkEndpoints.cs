using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Runtime;
using Workflows.Runtime.Definitions;

namespace Workflows.Host.ElsaApi;

/// <summary>The definition list's bulk actions: delete, delete versions, publish, retract.</summary>
internal static class DefinitionBulkEndpoints
{
    public sealed record DefinitionIdsRequest(List<string>? DefinitionIds);

    public sealed record IdsRequest(List<string>? Ids);

    public static RouteGroupBuilder MapDefinitionBulkEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/bulk-actions/delete/workflow-definitions/by-definition-id", BulkDeleteAsync);
        elsa.MapPost("/bulk-actions/delete/workflow-definitions/by-id", BulkDeleteVersionsAsync);
        elsa.MapPost("/bulk-actions/publish/workflow-definitions/by-definition-ids", BulkPublishAsync);
        elsa.MapPost("/bulk-actions/retract/workflow-definitions/by-definition-ids", BulkRetractAsync);
        return elsa;
    }

    /// <summary>Answers how many versions were deleted; definitions with running instances are left alone.</summary>
    private static async Task<IResult> BulkDeleteAsync(HttpRequest request, WorkflowsDbContext db, DefinitionDeletion deletion,
        DefinitionLocks locks, CancellationToken ct)
    {
        var (ids, error) = await ReadAsync<DefinitionIdsRequest>(request, r => r.DefinitionIds, "definitionIds", ct);
        if (error is not null) return error;
        long deleted = 0;
        foreach (var definitionId in ids!.Distinct())
        {
            using var _ = await locks.AcquireAsync(definitionId, ct);
            var versions = await db.Definitions.CountAsync(d => d.DefinitionId == definitionId, ct);
            if ((await deletion.DeleteDefinitionAsync(definitionId, ct)).Outcome == DefinitionDeletion.Outcome.Deleted)
                deleted += versions;
        }
        return ElsaShapes.Ok(new { deleted });
    }

    private static async Task<IResult> BulkDeleteVersionsAsync(HttpRequest request, WorkflowsDbContext db, DefinitionDeletion deletion,
        DefinitionLocks locks, CancellationToken ct)
    {
        var (ids, error) = await ReadAsync<IdsRequest>(request, r => r.Ids, "ids", ct);
        if (error is not null) return error;
        long deleted = 0;
        foreach (var id in ids!.Distinct())
        {
            var definitionId = await db.Definitions.AsNoTracking().Where(d => d.Id == id).Select(d => d.DefinitionId).FirstOrDefaultAsync(ct);
            if (definitionId is null) continue;
            using var _ = await locks.AcquireAsync(definitionId, ct);
            if ((await deletion.DeleteVersionAsync(id, ct)).Outcome == DefinitionDeletion.Outcome.Deleted)
                deleted++;
        }
        return ElsaShapes.Ok(new { deleted });
    }

    private static async Task<IResult> BulkPublishAsync(HttpRequest request, DefinitionService definitions, DefinitionLocks locks,
        DefinitionAudit audit, CancellationToken ct)
    {
        var (ids, error) = await ReadAsync<DefinitionIdsRequest>(request, r => r.DefinitionIds, "definitionIds", ct);
        if (error is not null) return error;
        var response = new BulkPublishResponse();
        foreach (var definitionId in ids!.Distinct())
        {
            using var _ = await locks.AcquireAsync(definitionId, ct);
            try
            {
                var result = await audit.RunAsync(definitionId, (r, _, _) => r is { AlreadyPublished: false } ? AuditActions.DefinitionPublish : null,
                    () => definitions.PublishAsync(definitionId, ct), ct);
                if (result is null) response.NotFound.Add(definitionId);
                else if (result.AlreadyPublished) response.AlreadyPublished.Add(definitionId);
                else response.Published.Add(definitionId);
            }
            catch (DefinitionValidationException ex)
            {
                response.Failed.Add(definitionId);
                response.Warnings[definitionId] = ex.Errors.Select(e => e.ToString()).ToList();
            }
        }
        return ElsaShapes.Ok(response);
    }

    private static async Task<IResult> BulkRetractAsync(HttpRequest request, WorkflowsDbContext db, DefinitionService definitions,
        DefinitionLocks locks, DefinitionAudit audit, CancellationToken ct)
    {
        var (ids, error) = await ReadAsync<DefinitionIdsRequest>(request, r => r.DefinitionIds, "definitionIds", ct);
        if (error is not null) return error;
        var response = new BulkRetractResponse();
        foreach (var definitionId in ids!.Distinct())
        {
            using var _ = await locks.AcquireAsync(definitionId, ct);
            if (!await db.Definitions.AnyAsync(d => d.DefinitionId == definitionId, ct))
                response.NotFound.Add(definitionId);
            else if (!await db.Definitions.AnyAsync(d => d.DefinitionId == definitionId && d.IsPublished, ct))
                response.AlreadyRetracted.Add(definitionId);
            else if (await audit.RunAsync(definitionId, (r, _, _) => r is null ? null : AuditActions.DefinitionRetract,
                         () => definitions.RetractAsync(definitionId, ct), ct) is not null)
                response.Retracted.Add(definitionId);
        }
        return ElsaShapes.Ok(response);
    }

    /// <summary>Reads a body that must carry a list of ids; a missing list is a 400 naming it.</summary>
    internal static async Task<(List<string>? Ids, IResult? Error)> ReadAsync<T>(HttpRequest request, Func<T, List<string>?> ids, string field, CancellationToken ct)
        where T : class
    {
        var reader = new ElsaRequest(request);
        var body = await reader.BodyAsync<T>(ct);
        if (!reader.IsValid) return (null, reader.Invalid());
        return body is not null && ids(body) is { } list
            ? (list, null)
            : (null, ElsaErrors.BadRequest(field, $"Give '{field}' as a list of ids."));
    }
}

internal sealed class BulkPublishResponse
{
    public List<string> Published { get; } = [];
    public List<string> AlreadyPublished { get; } = [];
    public List<string> NotFound { get; } = [];
    public List<string> Skipped { get; } = [];
    public List<string> UpdatedConsumers { get; } = [];
    public List<string> Failed { get; } = [];

    /// <summary>Why each failed definition could not be published, by definition id.</summary>
    public Dictionary<string, List<string>> Warnings { get; } = [];
}

internal sealed class BulkRetractResponse
{
    public List<string> Retracted { get; } = [];
    public List<string> AlreadyRetracted { get; } = [];
    public List<string> NotFound { get; } = [];
    public List<string> Skipped { get; } = [];
}

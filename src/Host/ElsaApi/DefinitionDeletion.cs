using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Runtime.Definitions;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// Deleting a definition or a version. As in Elsa, the instances of what is deleted go with it: Studio's
/// instance list drops, and its viewer fails on, instances whose version no longer exists. Unlike Elsa, a
/// running instance (a live procedure with deadlines) blocks the delete until someone cancels it on purpose.
/// </summary>
internal sealed class DefinitionDeletion(WorkflowsDbContext db, DefinitionService definitions, DefinitionAudit audit)
{
    public enum Outcome
    {
        Deleted,
        NotFound,
        HasRunningInstances,
    }

    public Task<(Outcome Outcome, int Running)> DeleteDefinitionAsync(string definitionId, CancellationToken ct) =>
        audit.RunAsync(definitionId, (r, _, _) => r.Outcome == Outcome.Deleted ? AuditActions.DefinitionDelete : null,
            () => DeleteDefinitionUnauditedAsync(definitionId, ct), ct);

    public async Task<(Outcome Outcome, int Running)> DeleteVersionAsync(string versionId, CancellationToken ct)
    {
        var definitionId = await db.Definitions.AsNoTracking().Where(d => d.Id == versionId).Select(d => d.DefinitionId).FirstOrDefaultAsync(ct);
        if (definitionId is null) return (Outcome.NotFound, 0);
        return await audit.RunAsync(definitionId, (r, _, _) => r.Outcome == Outcome.Deleted ? AuditActions.DefinitionDeleteVersion : null,
            () => DeleteVersionUnauditedAsync(versionId, ct), ct);
    }

    private async Task<(Outcome Outcome, int Running)> DeleteDefinitionUnauditedAsync(string definitionId, CancellationToken ct)
    {
        if (!await db.Definitions.AnyAsync(d => d.DefinitionId == definitionId, ct)) return (Outcome.NotFound, 0);
        var instances = db.Instances.Where(i => i.DefinitionId == definitionId);
        var running = await instances.Running().CountAsync(ct);
        if (running > 0) return (Outcome.HasRunningInstances, running);
        await InstanceDeletion.DeleteAsync(db, instances, ct);
        return (await definitions.DeleteAsync(definitionId, ct) ? Outcome.Deleted : Outcome.NotFound, 0);
    }

    private async Task<(Outcome Outcome, int Running)> DeleteVersionUnauditedAsync(string versionId, CancellationToken ct)
    {
        if (!await db.Definitions.AnyAsync(d => d.Id == versionId, ct)) return (Outcome.NotFound, 0);
        var instances = db.Instances.Where(i => i.DefinitionVersionId == versionId);
        var running = await instances.Running().CountAsync(ct);
        if (running > 0) return (Outcome.HasRunningInstances, running);
        await InstanceDeletion.DeleteAsync(db, instances, ct);
        return (await definitions.DeleteVersionAsync(versionId, ct) is null ? Outcome.NotFound : Outcome.Deleted, 0);
    }

    public static IResult Refusal(string field, string id, int running) => ElsaErrors.BadRequest(field,
        $"'{id}' 仍有 {running} 个运行中的流程实例，请先取消它们再删除 ({running} instance(s) are still running; cancel them first).");
}

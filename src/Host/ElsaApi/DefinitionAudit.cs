using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;

namespace Workflows.Host.ElsaApi;

/// <summary>A definition as the audit trail records it: its versions, not its JSON (the versions table keeps that).</summary>
public sealed record DefinitionSnapshot(string DefinitionId, string? Name, int? LatestVersion, int? PublishedVersion, IReadOnlyList<int> Versions);

/// <summary>
/// Wraps a change of definitions made through the Elsa API: the change and its audit entry (before and after)
/// are saved in one transaction. In-place saves of a draft (Studio's autosave) are not recorded; what a draft
/// becomes is recorded when it is published.
/// </summary>
internal sealed class DefinitionAudit(WorkflowsDbContext db, IAuditLog audit)
{
    /// <summary>
    /// Runs <paramref name="change"/>; <paramref name="actionOf"/> names the action it was, from its result and the
    /// definition before and after, or returns null when nothing worth recording changed.
    /// </summary>
    public async Task<T> RunAsync<T>(string definitionId, Func<T, DefinitionSnapshot, DefinitionSnapshot, string?> actionOf,
        Func<Task<T>> change, CancellationToken ct, AuditActor? actor = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = await SnapshotAsync(definitionId, ct);
        var result = await change();
        var after = await SnapshotAsync(definitionId, ct);
        if (actionOf(result, before, after) is { } action)
        {
            await audit.RecordAsync(new AuditRecord(action, AuditActions.Resources.WorkflowDefinition, definitionId,
                before.Versions.Count == 0 ? null : before, after.Versions.Count == 0 ? null : after) { Actor = actor }, ct);
        }
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task<DefinitionSnapshot> SnapshotAsync(string definitionId, CancellationToken ct)
    {
        var versions = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .Select(d => new { d.Version, d.Name, d.IsLatest, d.IsPublished }).ToListAsync(ct);
        return new DefinitionSnapshot(definitionId,
            versions.FirstOrDefault(v => v.IsLatest)?.Name ?? versions.FirstOrDefault()?.Name,
            versions.FirstOrDefault(v => v.IsLatest)?.Version,
            versions.FirstOrDefault(v => v.IsPublished)?.Version,
            [.. versions.Select(v => v.Version).Order()]);
    }
}

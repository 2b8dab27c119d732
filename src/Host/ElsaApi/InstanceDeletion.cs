using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// Deletes instances with everything recorded about them (bookmarks, timers, journal, activity records), in
/// one transaction. Messages already in the outbox stay: they record what was sent or is being sent.
/// </summary>
internal static class InstanceDeletion
{
    public static async Task<int> DeleteAsync(WorkflowsDbContext db, IQueryable<InstanceRecord> instances, CancellationToken ct)
    {
        var ids = await instances.Select(i => i.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        // Joins the caller's transaction when there is one (a definition delete and its audit entry).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Timers.Where(t => ids.Contains(t.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Bookmarks.Where(b => ids.Contains(b.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Journal.Where(j => ids.Contains(j.InstanceId)).ExecuteDeleteAsync(ct);
        await db.ActivityExecutions.Where(a => ids.Contains(a.InstanceId)).ExecuteDeleteAsync(ct);
        var deleted = await db.Instances.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return deleted;
    }

    public static IQueryable<InstanceRecord> Running(this IQueryable<InstanceRecord> instances) =>
        instances.Where(i => i.Status == nameof(Workflows.Runtime.Execution.WorkflowStatus.Running));
}

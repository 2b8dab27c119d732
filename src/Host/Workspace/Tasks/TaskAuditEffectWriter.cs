using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>
/// Records the task changes a run makes in the audit trail, in the run's transaction: a completion as the caller who
/// resumed the run, and what the workflow does by itself (a task opened, overdue, cancelled) as the system.
/// </summary>
internal sealed class TaskAuditEffectWriter(IHttpContextAccessor http) : IEffectWriter
{
    private static readonly AuditActor Workflow = AuditActor.System(TaskAudit.WorkflowActor);

    public bool CanWrite(object effect) => effect is TaskOpened or TaskCompleted or TaskOverdue or TaskCancelled;

    public async Task WriteAsync(WorkflowsDbContext db, object effect, DateTimeOffset now, CancellationToken ct)
    {
        var record = effect switch
        {
            TaskOpened opened => new AuditRecord(TaskAudit.Open, TaskAudit.Resource, opened.Task.Id, After: TaskAudit.Of(opened.Task)) { Actor = Workflow },
            TaskCompleted done => new AuditRecord(TaskAudit.Complete, TaskAudit.Resource, done.TaskId, await BeforeAsync(db, done.TaskId, ct),
                new { Status = nameof(OfficerTaskStatus.Done), done.Outcome, done.By, done.Note, Form = done.FormJson }),
            TaskOverdue overdue => new AuditRecord(TaskAudit.Overdue, TaskAudit.Resource, overdue.TaskId, await BeforeAsync(db, overdue.TaskId, ct),
                new { Overdue = true, overdue.At }) { Actor = Workflow },
            TaskCancelled cancelled => new AuditRecord(TaskAudit.Cancel, TaskAudit.Resource, cancelled.TaskId, await BeforeAsync(db, cancelled.TaskId, ct),
                new { Status = nameof(OfficerTaskStatus.Cancelled), cancelled.Reason }) { Actor = Workflow },
            _ => null,
        };
        if (record is null) return;
        var context = http.HttpContext;
        db.Add(AuditLog.Entry(record, context?.RequestServices.GetService<ICurrentOfficer>(), context, now));
    }

    /// <summary>The task as stored before this run (the original values, whichever writer of the effect ran first).</summary>
    private static async Task<TaskAudit.Snapshot?> BeforeAsync(WorkflowsDbContext db, string taskId, CancellationToken ct)
    {
        var task = await db.Set<OfficerTask>().FindAsync([taskId], ct);
        if (task is null) return null;
        var entry = db.Entry(task);
        if (entry.State == EntityState.Added) return null;
        DateOnly? dueDate = entry.Property(t => t.DueDate).OriginalValue;
        return new TaskAudit.Snapshot(entry.Property(t => t.Status).OriginalValue.ToString(), entry.Property(t => t.ClaimedBy).OriginalValue,
            dueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.Property(t => t.DueAt).OriginalValue,
            entry.Property(t => t.OverdueAt).OriginalValue is not null, entry.Property(t => t.Outcome).OriginalValue, entry.Property(t => t.Revision).OriginalValue);
    }
}

using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.PropertyManagement.Persistence;

/// <summary>Applies task effects through the task's state machine, in the run's transaction.</summary>
internal sealed class TaskEffectWriter : IEffectWriter
{
    public bool CanWrite(object effect) => effect is TaskOpened or TaskCompleted or TaskOverdue or TaskCancelled;

    public async Task WriteAsync(WorkflowsDbContext db, object effect, DateTimeOffset now, CancellationToken ct)
    {
        switch (effect)
        {
            case TaskOpened opened:
                db.Add(opened.Task);
                break;
            case TaskCompleted done:
                var task = await FindAsync(db, done.TaskId, ct);
                // Completed by a concurrent burst that committed first: this burst loses, as on any concurrent save.
                if (!task.IsActive) throw new ConcurrencyConflictException(task.WorkflowInstanceId);
                task.Complete(done.Outcome, done.FormJson, done.By, done.Note, done.At);
                break;
            case TaskOverdue overdue:
                (await FindAsync(db, overdue.TaskId, ct)).MarkOverdue(overdue.At);
                break;
            case TaskCancelled cancelled:
                (await FindAsync(db, cancelled.TaskId, ct)).Cancel(cancelled.Reason, cancelled.At);
                break;
        }
    }

    // FindAsync sees rows added earlier in the same burst too (the change tracker is consulted first).
    private static async Task<OfficerTask> FindAsync(WorkflowsDbContext db, string id, CancellationToken ct) =>
        await db.Set<OfficerTask>().FindAsync([id], ct) ?? throw new InvalidOperationException($"Task {id} does not exist.");
}

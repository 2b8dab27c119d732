using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>
/// Stores the operation id of a completion in the burst that completes the task, so the completion and its id are
/// committed together: a twin request with the same id finds the task done and replays this answer.
/// </summary>
internal sealed class TaskOperationBurstWriter(PendingTaskOperation pending) : IBurstWriter
{
    public async Task WriteAsync(WorkflowsDbContext db, RunResult result, DateTimeOffset now, CancellationToken ct)
    {
        if (pending.Row is not { } operation) return;
        if (!result.Effects.OfType<TaskCompleted>().Any(c => c.TaskId == operation.TaskId)) return;
        // The task as this burst leaves it (the effect writers ran first): the answer the caller gets.
        var task = await db.Set<OfficerTask>().FindAsync([operation.TaskId], ct);
        if (task is null) return;
        var (status, json) = TaskOperations.Stored(new TaskResult.Done(PropertyManagement.Api.TaskView.From(task)));
        // A retried burst (the change tracker is cleared between tries) adds a fresh copy.
        db.Add(new TaskOperation
        {
            OperationId = operation.OperationId, TaskId = operation.TaskId, Action = operation.Action, Caller = operation.Caller, At = operation.At,
            StatusCode = status, ResponseJson = json,
        });
    }
}

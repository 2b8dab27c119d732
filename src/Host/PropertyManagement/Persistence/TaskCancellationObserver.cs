using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Activities;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.PropertyManagement.Persistence;

/// <summary>
/// Closes the tasks whose waiting activity went away without them (an <c>Elsa.End</c> cancelled the branch, or the
/// instance was cancelled), so that no officer is left with a task nothing waits for. After commit, and safe to
/// repeat: only still-active tasks are cancelled.
/// </summary>
internal sealed class TaskCancellationObserver(IServiceScopeFactory scopes, ILogger<TaskCancellationObserver> logger) : IRunCommittedObserver
{
    public async Task OnCommittedAsync(RunResult result, CancellationToken ct)
    {
        var gone = result.RemovedBookmarks
            .Where(b => b.Name == PmActivities.MainBookmark && b.Id != result.ResumedBookmark?.Id)
            .Select(b => b.Id).ToList();
        if (gone.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var tasks = await db.Set<OfficerTask>().Where(t => gone.Contains(t.BookmarkId)).ToListAsync(ct);
        var reason = result.State.SubStatus switch
        {
            WorkflowSubStatus.Cancelled => "流程已撤销",
            WorkflowSubStatus.Faulted => "流程异常中止，待管理员处理",
            _ => "流程已转入其他步骤，本任务无需再办",
        };
        foreach (var task in tasks.Where(t => t.IsActive))
        {
            task.Cancel(reason, result.State.UpdatedAt);
            logger.LogInformation("Task {TaskId} of {WorkflowInstanceId} cancelled: its activity no longer waits", task.Id, result.State.Id);
        }
        await db.SaveChangesAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary>
/// Completes a task: checks the submission against the task, then resumes the waiting activity, which records the
/// completion in the same transaction as the next steps. The workspace adds the officer (<see cref="TaskSubmission.By"/>,
/// a jurisdiction check before this call) and the stale-form check (<see cref="TaskSubmission.ExpectedRevision"/>).
/// </summary>
internal sealed class TaskCompletion(WorkflowsDbContext db, WorkflowRuntime runtime, ResumeRehearsal rehearsal)
{
    public abstract record Result;

    public sealed record Completed(TaskView Task) : Result;

    public sealed record NotFound : Result;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : Result;

    public sealed record Conflict(string Message) : Result;

    /// <summary>The next steps cannot be computed now (e.g. an uncovered holiday year); nothing was stored.</summary>
    public sealed record Blocked(string Message) : Result;

    public async Task<Result> CompleteAsync(string taskId, TaskSubmission submission, CancellationToken ct)
    {
        var task = await db.Set<OfficerTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return new NotFound();
        if (!task.IsActive) return new Conflict($"任务“{task.Title}”{Views.Name(task.Status)}，不能再次办结。");
        if (submission.ExpectedRevision is { } expected && expected != task.Revision)
            return new Conflict($"任务“{task.Title}”已被更新（版本 {task.Revision}），请刷新后重试。");
        var errors = TaskSubmissionRules.Validate(task, submission);
        if (errors.Count > 0) return new Invalid(errors);
        if (await rehearsal.ProblemAsync(task.WorkflowInstanceId, task.BookmarkId, submission.ToResumeInput(), ct) is { } problem)
            return new Blocked($"无法办结“{task.Title}”：{problem}");
        try
        {
            await runtime.ResumeAsync(task.WorkflowInstanceId, task.BookmarkId, submission.ToResumeInput(), ct);
        }
        catch (Exception ex) when (ex is BookmarkNotFoundException or ConcurrencyConflictException)
        {
            return new Conflict($"任务“{task.Title}”已由其他操作处理，请刷新后查看。");
        }
        var fresh = await db.Set<OfficerTask>().AsNoTracking().FirstAsync(t => t.Id == taskId, ct);
        return new Completed(TaskView.From(fresh));
    }
}

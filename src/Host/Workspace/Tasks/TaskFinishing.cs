using System.Text.Json.Nodes;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>
/// Completing a task from the workspace: the caller must act for the task's unit, and a task claimed by a colleague
/// is theirs to complete; then <see cref="TaskCompletion"/> checks the revision and the form and resumes the workflow
/// (whose effects record the completion and its audit entry in one transaction).
/// </summary>
internal sealed class TaskFinishing(TaskWork work, TaskCompletion completion, ICurrentOfficer me)
{
    public async Task<TaskResult> CompleteAsync(string taskId, string? outcome, JsonObject? form, string? note, long? revision, CancellationToken ct)
    {
        if (await work.FindActionableAsync(taskId, ct) is not { } task) return new TaskResult.NotFound();
        if (me.IsSignedIn && task.Status == OfficerTaskStatus.Claimed && task.ClaimedBy != me.Name)
            return new TaskResult.Conflict($"任务“{task.Title}”已由{task.ClaimedBy}认领，请由其办结，或请其退回后再办理。");
        var submission = new TaskSubmission(outcome, form, note, me.Name.Length > 0 ? me.Name : null, revision);
        return await completion.CompleteAsync(taskId, submission, ct) switch
        {
            TaskCompletion.Completed c => new TaskResult.Done(c.Task),
            TaskCompletion.Invalid i => new TaskResult.Invalid(i.Errors),
            TaskCompletion.Conflict c => new TaskResult.Conflict(c.Message),
            TaskCompletion.Blocked b => new TaskResult.Blocked(b.Message),
            _ => new TaskResult.NotFound(),
        };
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Accounts;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>
/// The officer's actions on a task of their own unit: claim, release, reassign within the unit, add a note or an
/// attachment reference. Each change and its audit entry are saved together; a stale revision is refused.
/// </summary>
internal sealed class TaskWork(WorkflowsDbContext db, ICurrentOfficer me, UnitGuard guard, IAuditLog audit, TimeProvider clock,
    UserManager<WorkspaceUser> users)
{
    public const int MaxTextLength = 2000;

    /// <summary>The task, tracked, when the caller acts for its unit; null otherwise (logged by the guard).</summary>
    public async Task<OfficerTask?> FindActionableAsync(string taskId, CancellationToken ct)
    {
        var task = await db.Set<OfficerTask>().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        return task is not null && await guard.CanActAsync("task", taskId, task.UnitId, ct) ? task : null;
    }

    public Task<TaskResult> ClaimAsync(string taskId, long? revision, CancellationToken ct) =>
        ChangeAsync(taskId, revision, TaskAudit.Claim, task =>
        {
            if (task.Status != OfficerTaskStatus.Open)
                return Task.FromResult<TaskResult?>(new TaskResult.Conflict($"任务“{task.Title}”已由{task.ClaimedBy ?? "他人"}认领或已结束，请刷新后查看。"));
            task.Claim(me.Name, clock.GetUtcNow());
            return Task.FromResult<TaskResult?>(null);
        }, ct);

    public Task<TaskResult> ReleaseAsync(string taskId, long? revision, CancellationToken ct) =>
        ChangeAsync(taskId, revision, TaskAudit.Release, task =>
        {
            if (task.Status != OfficerTaskStatus.Claimed)
                return Task.FromResult<TaskResult?>(new TaskResult.Conflict($"任务“{task.Title}”未被认领，无需退回。"));
            task.Release();
            return Task.FromResult<TaskResult?>(null);
        }, ct);

    /// <summary>Hands the task to <paramref name="userName"/>, who must be an active officer of the task's unit.</summary>
    public Task<TaskResult> ReassignAsync(string taskId, string? userName, long? revision, CancellationToken ct) =>
        ChangeAsync(taskId, revision, TaskAudit.Reassign, async task =>
        {
            if (string.IsNullOrWhiteSpace(userName)) return TaskResult.Invalid.Of("userName", "请填写接收任务的本单位人员账号。");
            var user = await users.FindByNameAsync(userName.Trim());
            if (user is null || user.UnitId != task.UnitId || (user.LockoutEnd is { } end && end > clock.GetUtcNow()))
                return TaskResult.Invalid.Of("userName", $"“{userName.Trim()}”不是{task.UnitName}的在岗人员，只能转派给本单位人员。");
            if (!task.IsActive) return new TaskResult.Conflict($"任务“{task.Title}”已结束，不能转派。");
            if (task.Status == OfficerTaskStatus.Claimed) task.Release();
            task.Claim(user.UserName!, clock.GetUtcNow());
            return null;
        }, ct);

    /// <summary>A note, or an attachment reference (a name and a URL or document number; no file is uploaded).</summary>
    public async Task<TaskResult> AddNoteAsync(string taskId, string? text, string? reference, CancellationToken ct)
    {
        if (await FindActionableAsync(taskId, ct) is not { } task) return new TaskResult.NotFound();
        var isAttachment = !string.IsNullOrWhiteSpace(reference);
        if (string.IsNullOrWhiteSpace(text))
            return TaskResult.Invalid.Of("text", isAttachment ? "请填写附件名称。" : "请填写备注内容。");
        if (text.Length > MaxTextLength || reference?.Length > 1000)
            return TaskResult.Invalid.Of("text", $"内容过长（备注最多 {MaxTextLength} 字，附件编号或链接最多 1000 字）。");
        var note = new TaskNote
        {
            Id = Ids.New(), TaskId = task.Id, Kind = isAttachment ? TaskNoteKinds.Attachment : TaskNoteKinds.Note, Text = text.Trim(),
            Reference = isAttachment ? reference!.Trim() : null, By = me.Name, At = clock.GetUtcNow(),
        };
        db.Add(note);
        await audit.RecordAsync(new AuditRecord(isAttachment ? TaskAudit.Attachment : TaskAudit.Note, TaskAudit.Resource, task.Id,
            After: new { note.Kind, note.Text, note.Reference }), ct);
        return new TaskResult.Done(new TaskNoteView(note.Id, note.Kind, note.Text, note.Reference, note.By, note.At));
    }

    private async Task<TaskResult> ChangeAsync(string taskId, long? revision, string action, Func<OfficerTask, Task<TaskResult?>> change,
        CancellationToken ct)
    {
        if (await FindActionableAsync(taskId, ct) is not { } task) return new TaskResult.NotFound();
        if (revision is { } expected && expected != task.Revision)
            return new TaskResult.Conflict($"任务“{task.Title}”已被他人更新，请刷新后重试。");
        var before = TaskAudit.Of(task);
        if (await change(task) is { } refused) return refused;
        try
        {
            await audit.RecordAsync(new AuditRecord(action, TaskAudit.Resource, task.Id, before, TaskAudit.Of(task)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new TaskResult.Conflict($"任务“{task.Title}”已被他人同时处理，请刷新后重试。");
        }
        return new TaskResult.Done(PropertyManagement.Api.TaskView.From(task));
    }
}

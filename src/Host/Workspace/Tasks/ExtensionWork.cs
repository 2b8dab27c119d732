using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>
/// 申请延期: the task's unit asks before the due date; an officer of the supervising unit (a community's street office,
/// a street office's district housing bureau) approves, which moves the due date, the overdue timer and the reminders,
/// or denies. After the due date the request is refused: the supervising unit urges (催办) instead.
/// </summary>
internal sealed class ExtensionWork(WorkflowsDbContext db, ICurrentOfficer me, UnitGuard guard, IAuditLog audit, TimeProvider clock,
    TaskWork work, DeadlineMove move)
{
    public const string Resource = "task-extension";

    public async Task<TaskResult> RequestAsync(string taskId, string? reason, string? proposedDueDate, CancellationToken ct)
    {
        if (await work.FindActionableAsync(taskId, ct) is not { } task) return new TaskResult.NotFound();
        var now = clock.GetUtcNow();
        if (!task.IsActive) return new TaskResult.Conflict($"任务“{task.Title}”已结束，不能申请延期。");
        if (task.DueDate is not { } due || task.DueAt is not { } dueAt) return new TaskResult.Conflict($"任务“{task.Title}”没有办理期限，无需申请延期。");
        if (task.OverdueAt is not null || now >= dueAt)
            return new TaskResult.Conflict($"任务“{task.Title}”已于 {Day(due)} 到期，超过期限后不能申请延期，请尽快办理。");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason)) errors["reason"] = ["请填写延期理由。"];
        else if (reason.Length > TaskWork.MaxTextLength) errors["reason"] = [$"延期理由最多 {TaskWork.MaxTextLength} 字。"];
        if (!DateOnly.TryParseExact(proposedDueDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var proposed))
            errors["proposedDueDate"] = ["请填写申请延至的日期（YYYY-MM-DD）。"];
        else if (proposed <= due) errors["proposedDueDate"] = [$"申请延至的日期应晚于现在的到期日 {Day(due)}。"];
        else if (proposed > due.AddDays(366)) errors["proposedDueDate"] = ["一次延期不能超过一年。"];
        if (errors.Count > 0) return new TaskResult.Invalid(errors);
        if (await db.Set<TaskExtension>().AnyAsync(x => x.TaskId == task.Id && x.Status == TaskExtensionStatus.Pending, ct))
            return PendingExists(task);
        var unit = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == task.UnitId, ct);
        var supervisor = unit is null ? null : await PropertyManagementReminders.SupervisorOfAsync(db, unit, ct);
        if (supervisor is null) return new TaskResult.Conflict($"{task.UnitName}没有上级审批单位，不能申请延期。");
        var extension = new TaskExtension
        {
            Id = Ids.New(), TaskId = task.Id, CaseId = task.CaseId, TaskTitle = task.Title, UnitId = task.UnitId, UnitName = task.UnitName,
            SupervisorUnitId = supervisor.Id, SupervisorUnitName = supervisor.Name, Reason = reason!.Trim(), CurrentDueDate = due,
            ProposedDueDate = proposed, Status = TaskExtensionStatus.Pending, RequestedBy = me.Name, RequestedAt = now,
        };
        db.Add(extension);
        try
        {
            await audit.RecordAsync(new AuditRecord(TaskAudit.ExtensionRequest, TaskAudit.Resource, task.Id, new { DueDate = Day(due) },
                new { extension.Id, ProposedDueDate = Day(proposed), extension.Reason, Supervisor = supervisor.Name }), ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent request passed the check above too; the unique index on pending requests kept one.
            db.ChangeTracker.Clear();
            return PendingExists(task);
        }
        return new TaskResult.Done(TaskExtensionView.From(extension));
    }

    /// <summary>The supervising unit's decision; approval must come before the current due date.</summary>
    public async Task<TaskResult> DecideAsync(string extensionId, bool approve, string? note, long? revision, CancellationToken ct)
    {
        var extension = await db.Set<TaskExtension>().FirstOrDefaultAsync(x => x.Id == extensionId, ct);
        if (extension is null || !await guard.CanActAsync(Resource, extensionId, extension.SupervisorUnitId, ct)) return new TaskResult.NotFound();
        if (extension.Status != TaskExtensionStatus.Pending)
            return new TaskResult.Conflict($"该延期申请已处理（{TaskExtensionView.NameOf(extension.Status)}）。");
        if (revision is { } expected && expected != extension.Revision) return new TaskResult.Conflict("该延期申请已被更新，请刷新后重试。");
        if (note?.Length > TaskWork.MaxTextLength) return TaskResult.Invalid.Of("note", $"审批意见最多 {TaskWork.MaxTextLength} 字。");
        var task = await db.Set<OfficerTask>().FirstAsync(t => t.Id == extension.TaskId, ct);
        var now = clock.GetUtcNow();
        if (approve && (!task.IsActive || task.OverdueAt is not null || task.DueAt is not { } dueAt || now >= dueAt))
            return new TaskResult.Conflict($"任务“{task.Title}”已到期或已结束，不能再批准延期，请改为“不批准”并督促办理。");
        // An approval only ever gives more time. A request whose date is not after the task's current due date (the due
        // date moved since it was made) is refused rather than approved as a silent no-op: "批准" that changes nothing
        // would mislead the supervisor and the requesting unit, so the supervisor is told to deny it instead.
        if (approve && task.DueDate is { } currentDue && extension.ProposedDueDate <= currentDue)
            return new TaskResult.Conflict(
                $"任务“{task.Title}”现在的到期日 {Day(currentDue)} 已不早于申请延至的 {Day(extension.ProposedDueDate)}，批准不会延长期限，请改为“不批准”。");
        var before = TaskAudit.Of(task);
        // Joins the transaction of an operation id (TaskOperations) when there is one.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        extension.Status = approve ? TaskExtensionStatus.Approved : TaskExtensionStatus.Denied;
        extension.DecidedBy = me.Name;
        extension.DecidedAt = now;
        extension.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        extension.Revision++;
        if (approve)
        {
            // The same instant of day as before (an office's closing time, or the end of the day).
            var newDueAt = task.DueAt!.Value.AddDays(extension.ProposedDueDate.DayNumber - task.DueDate!.Value.DayNumber);
            task.Extend(extension.ProposedDueDate, ChinaTime.ToChinaTime(newDueAt),
                $"经{extension.SupervisorUnitName}批准延期至 {Day(extension.ProposedDueDate)}");
            await move.MoveAsync(task, newDueAt, ct);
        }
        try
        {
            await audit.RecordAsync(new AuditRecord(approve ? TaskAudit.ExtensionApprove : TaskAudit.ExtensionDeny, TaskAudit.Resource, task.Id,
                before, new { Task = TaskAudit.Of(task), Extension = extension.Id, extension.DecisionNote }), ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new TaskResult.Conflict("该延期申请或任务已被他人同时处理，请刷新后重试。");
        }
        if (approve) move.Wake();
        return new TaskResult.Done(TaskExtensionView.From(extension));
    }

    private static TaskResult.Conflict PendingExists(OfficerTask task) =>
        new($"任务“{task.Title}”已有待审批的延期申请，请等待上级单位审批。");

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

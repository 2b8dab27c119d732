using Workflows.Host.PropertyManagement.Api;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>One row of the inbox.</summary>
public sealed record TaskListItem(
    string Id, string CaseId, string Title, UnitRef Unit, string Procedure, string ProcedureName, string? CompoundId, string? CompoundName,
    string Status, string StatusName, string? ClaimedBy, string? DueDate, DateTimeOffset? DueAt, string Light, int? DaysLeft, string TimeLeft,
    string TimeLeftEnglish, string? CompletedBy, DateTimeOffset? CompletedAt, long Revision);

/// <summary>The case a task belongs to, as the task page shows it.</summary>
public sealed record TaskCaseSummary(string CaseId, string Title, string Procedure, string ProcedureName, string? CompoundId, string? CompoundName, DateTimeOffset StartedAt);

/// <summary>One step of a task's history (from the audit trail).</summary>
public sealed record TaskHistoryItem(DateTimeOffset At, string Action, string ActionName, string Actor, string? Detail);

public sealed record TaskNoteView(string Id, string Kind, string Text, string? Reference, string By, DateTimeOffset At);

public sealed record TaskExtensionView(
    string Id, string TaskId, string CaseId, string TaskTitle, UnitRef Unit, UnitRef Supervisor, string Reason, string CurrentDueDate,
    string ProposedDueDate, string Status, string StatusName, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy,
    DateTimeOffset? DecidedAt, string? DecisionNote, long Revision)
{
    public static TaskExtensionView From(TaskExtension x) => new(
        x.Id, x.TaskId, x.CaseId, x.TaskTitle, new UnitRef(x.UnitId, x.UnitName), new UnitRef(x.SupervisorUnitId, x.SupervisorUnitName), x.Reason,
        Views.Date(x.CurrentDueDate)!, Views.Date(x.ProposedDueDate)!, x.Status.ToString(), NameOf(x.Status), x.RequestedBy, x.RequestedAt,
        x.DecidedBy, x.DecidedAt, x.DecisionNote, x.Revision);

    public static string NameOf(TaskExtensionStatus status) => status switch
    {
        TaskExtensionStatus.Pending => "待审批",
        TaskExtensionStatus.Approved => "已批准",
        _ => "未批准",
    };
}

/// <summary>A task with everything its page shows; <see cref="CanAct"/> is false for a supervising unit's read-only view.</summary>
public sealed record TaskDetail(
    TaskView Task, TaskTiming Timing, TaskCaseSummary? Case, bool CanAct, string? ClaimedBy, IReadOnlyList<TaskNoteView> Notes,
    IReadOnlyList<TaskExtensionView> Extensions, IReadOnlyList<TaskHistoryItem> History);

internal static class TaskScopes
{
    /// <summary>Claimed by me (API keys: every open task).</summary>
    public const string Mine = "mine";

    /// <summary>My unit's open tasks nobody has claimed.</summary>
    public const string Unit = "unit";

    /// <summary>My unit's finished tasks (done or cancelled).</summary>
    public const string Done = "done";

    /// <summary>Open tasks of the units below mine (street office, district): read-only.</summary>
    public const string Below = "below";

    public static readonly IReadOnlyList<string> All = [Mine, Unit, Done, Below];
}

internal static class TaskStatusNames
{
    public static bool TryParse(string? text, out OfficerTaskStatus status) => Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status);
}

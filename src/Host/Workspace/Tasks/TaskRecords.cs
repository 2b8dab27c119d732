namespace Workflows.Host.Workspace.Tasks;

/// <summary>A note or an attachment reference an officer added to a task (table <c>TaskNotes</c>); never changed.</summary>
public sealed class TaskNote
{
    public string Id { get; set; } = "";
    public string TaskId { get; set; } = "";

    /// <summary><c>note</c> or <c>attachment</c>.</summary>
    public string Kind { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>For an attachment: the URL or the reference number of the document (no file is uploaded).</summary>
    public string? Reference { get; set; }

    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public static class TaskNoteKinds
{
    public const string Note = "note";
    public const string Attachment = "attachment";
}

/// <summary>
/// 申请延期: a unit asks its supervising unit to move a task's due date (table <c>TaskExtensions</c>). Pending until an
/// officer of <see cref="SupervisorUnitId"/> approves (the task's due date, overdue timer and reminders move) or denies.
/// </summary>
public sealed class TaskExtension
{
    public string Id { get; set; } = "";
    public string TaskId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string TaskTitle { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string SupervisorUnitId { get; set; } = "";
    public string SupervisorUnitName { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateOnly CurrentDueDate { get; set; }
    public DateOnly ProposedDueDate { get; set; }
    public TaskExtensionStatus Status { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }

    /// <summary>Two supervisors deciding at once: one wins.</summary>
    public long Revision { get; set; } = 1;
}

public enum TaskExtensionStatus
{
    Pending,
    Approved,
    Denied,
}

/// <summary>
/// A task operation done under a caller's operation id (<c>Idempotency-Key</c> header or <c>operationId</c>), with its
/// answer (table <c>TaskOperations</c>): the same id again returns this answer and does nothing.
/// </summary>
public sealed class TaskOperation
{
    public string OperationId { get; set; } = "";
    public string TaskId { get; set; } = "";
    public string Action { get; set; } = "";
    public string Caller { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseJson { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

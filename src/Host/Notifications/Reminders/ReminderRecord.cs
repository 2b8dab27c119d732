namespace Workflows.Host.Notifications.Reminders;

/// <summary>
/// One reminder of one deadline (a task's or a filing's) at one stage, e.g. 5 days before. Like a timer, the row is
/// the truth and fires exactly once (Pending → Fired conditionally); its Hangfire job is only a wake-up call.
/// </summary>
public sealed class ReminderRecord
{
    public string Id { get; set; } = "";

    /// <summary>Unique: <c>{SubjectKind}:{SubjectId}:{Stage}</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary><c>Task</c> or <c>Filing</c>.</summary>
    public string SubjectKind { get; set; } = "";

    public string SubjectId { get; set; } = "";
    public string? InstanceId { get; set; }
    public string? CaseId { get; set; }

    /// <summary><c>reminder-5d</c>, <c>reminder-1d</c>, <c>due-today</c>, <c>overdue-urge</c>, <c>task-assigned</c> …</summary>
    public string Stage { get; set; } = "";

    /// <summary>The template kind rendered when it fires (the stage, or a subject-specific kind such as <c>filing-overdue</c>).</summary>
    public string TemplateKind { get; set; } = "";

    /// <summary>Days before the due date (0 the due day, negative after it).</summary>
    public int DaysBefore { get; set; }

    /// <summary>When it fires.</summary>
    public DateTimeOffset DueAt { get; set; }

    public ReminderStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When it was given up (<see cref="ReminderStatus.Failed"/>).</summary>
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>Why it failed, e.g. its template does not render (the reason as the template check words it).</summary>
    public string? Error { get; set; }

    /// <summary>Template variables (JSON object of strings), captured when the deadline opened.</summary>
    public string ModelJson { get; set; } = "{}";

    /// <summary>Recipients (JSON array of channel/address/name).</summary>
    public string RecipientsJson { get; set; } = "[]";
}

public enum ReminderStatus
{
    Pending,
    Fired,
    Cancelled,

    /// <summary>Could not be composed (its template does not render); never retried, see <see cref="ReminderRecord.Error"/>.</summary>
    Failed,
}

namespace Workflows.Host.Notifications.Reminders;

/// <summary>
/// A deadline that reminders count down to: a task's or a filing's. Written as a run effect (directly, or mapped
/// from a domain effect by an <see cref="IReminderSource"/>), so its reminders exist exactly when it does.
/// </summary>
/// <param name="SubjectKind"><c>Task</c> or <c>Filing</c>.</param>
/// <param name="ReminderDays">Days before the due date (0 = the due day); empty takes <c>Notifications:ReminderDays</c>.</param>
/// <param name="Responsible">Who must act: the unit's contacts for a task, the obliged party for a filing.</param>
/// <param name="Supervisors">Who receives the 催办 after the due date: the supervising unit.</param>
/// <param name="Model">Template variables (title, unit_name, responsible_name …); due_date and due_time are added.</param>
/// <param name="NotifyAssigned">Also send <c>task-assigned</c> to the responsible at once.</param>
public sealed record DeadlineOpened(
    string SubjectKind,
    string SubjectId,
    string? WorkflowInstanceId,
    string? CaseId,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    IReadOnlyList<int> ReminderDays,
    IReadOnlyList<ReminderRecipient> Responsible,
    IReadOnlyList<ReminderRecipient> Supervisors,
    IReadOnlyDictionary<string, string> Model,
    bool NotifyAssigned = false);

/// <summary>The deadline no longer needs reminding (done, filed, cancelled): pending reminders are cancelled.</summary>
public sealed record DeadlineClosed(string SubjectKind, string SubjectId, string Reason);

/// <summary>One address on one channel (<see cref="Channels"/>).</summary>
public sealed record ReminderRecipient(string Channel, string Address, string? Name);

public static class SubjectKinds
{
    public const string Task = "Task";
    public const string Filing = "Filing";
}

/// <summary>
/// Maps a domain's effects (a task opened, a filing recorded …) to <see cref="DeadlineOpened"/> and
/// <see cref="DeadlineClosed"/>. Runs inside the run's transaction, so it may read the database.
/// </summary>
public interface IReminderSource
{
    bool Handles(object effect);

    Task<IReadOnlyList<object>> MapAsync(Persistence.WorkflowsDbContext db, object effect, CancellationToken ct);

    /// <summary>
    /// Whether the subject still waits, asked when a reminder fires: false cancels the reminder (the task was closed
    /// some way no effect told of, e.g. its instance was cancelled); null when the subject is not this source's.
    /// </summary>
    Task<bool?> IsOpenAsync(Persistence.WorkflowsDbContext db, string subjectKind, string subjectId, CancellationToken ct);
}

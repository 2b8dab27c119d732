using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>The audit actions of tasks and the task state they record before and after.</summary>
public static class TaskAudit
{
    public const string Resource = "task";
    public const string Open = "task.open";
    public const string Claim = "task.claim";
    public const string Release = "task.release";
    public const string Reassign = "task.reassign";
    public const string Complete = "task.complete";
    public const string Note = "task.note";
    public const string Attachment = "task.attachment";
    public const string ExtensionRequest = "task.extension-request";
    public const string ExtensionApprove = "task.extension-approve";
    public const string ExtensionDeny = "task.extension-deny";
    public const string Urge = "task.urge";
    public const string Overdue = "task.overdue";
    public const string Cancel = "task.cancel";

    /// <summary>Who the workflow's own changes (opened, overdue, cancelled) are recorded as.</summary>
    public const string WorkflowActor = "workflow";

    /// <summary>What the audit trail keeps of a task's state.</summary>
    public sealed record Snapshot(string Status, string? ClaimedBy, string? DueDate, DateTimeOffset? DueAt, bool Overdue, string? Outcome, long Revision);

    public static Snapshot Of(OfficerTask t) => new(t.Status.ToString(), t.ClaimedBy,
        t.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t.DueAt, t.OverdueAt is not null, t.Outcome, t.Revision);
}

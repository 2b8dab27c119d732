namespace Workflows.Host.Notifications.Admin;

/// <summary>
/// SEAM for the audit log: the sign-in/audit work (branch <c>workspace</c>) brings <c>IAuditLog</c>; until it is merged,
/// admin actions on notifications (resend, template edits) are written here. Replace
/// <see cref="LoggingNotificationAudit"/> with an adapter to <c>IAuditLog</c> then.
/// </summary>
public interface INotificationAudit
{
    Task RecordAsync(string action, string target, string? by, string details, CancellationToken ct);
}

/// <summary>Until the audit log lands: a structured log line per admin action (kept by the rolling JSON log files).</summary>
internal sealed class LoggingNotificationAudit(ILogger<LoggingNotificationAudit> logger) : INotificationAudit
{
    public Task RecordAsync(string action, string target, string? by, string details, CancellationToken ct)
    {
        logger.LogWarning("AUDIT {AuditAction} {AuditTarget} by {AuditUser}: {AuditDetails}", action, target, by ?? "(unknown)", details);
        return Task.CompletedTask;
    }
}

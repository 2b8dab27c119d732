using Workflows.Host.Workspace.Audit;

namespace Workflows.Host.Notifications.Admin;

/// <summary>Where admin actions on notifications (resend, template edits) are recorded: the audit trail.</summary>
public interface INotificationAudit
{
    Task RecordAsync(string action, string target, string? by, string details, CancellationToken ct);
}

/// <summary>
/// Records into <see cref="IAuditLog"/> (resource type <c>notification</c>): the actor is the request's signed-in user
/// or API key, as for every entry; <c>by</c> is kept in the entry for actions taken outside a request.
/// </summary>
internal sealed class AuditLogNotificationAudit(IAuditLog audit) : INotificationAudit
{
    public const string Resource = "notification";

    public Task RecordAsync(string action, string target, string? by, string details, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, Resource, target, After: new { details, by }), ct);
}

using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.PropertyManagement.Notifications;

/// <summary>
/// A message the procedure sends (通知 / 催办 / 公告). Saved with the run: the Host turns each recipient into an
/// outbox row, delivered after commit by the email and SMS senders; the same activity execution never sends
/// to the same address twice.
/// </summary>
public sealed record NotificationRequested(
    string CaseId,
    string WorkflowInstanceId,
    string ActivityInstanceId,
    Actor Audience,
    string Subject,
    string Body,
    IReadOnlyList<Recipient> Recipients,
    DateTimeOffset At);

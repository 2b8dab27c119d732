namespace Workflows.Host.Persistence;

/// <summary>One definition version; the Elsa JSON is kept whole so that nothing of it is lost.</summary>
public sealed class DefinitionRecord
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Json { get; set; } = "";
}

public sealed class InstanceRecord
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string DefinitionVersionId { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? CorrelationId { get; set; }
    public string Status { get; set; } = "";
    public string SubStatus { get; set; } = "";
    public int IncidentCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string StateJson { get; set; } = "";

    /// <summary>Optimistic concurrency: every save checks and increments it.</summary>
    public long Revision { get; set; }
}

public sealed class BookmarkRecord
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Hash { get; set; }
    public string ActivityNodeId { get; set; } = "";
    public string ActivityInstanceId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResumeAt { get; set; }
}

/// <summary>
/// A bookmark that a clock resumes. The row is the source of truth; the scheduler's job is only a wake-up
/// call, so a lost job (restart, in-memory storage) never loses the timer.
/// </summary>
public sealed class TimerRecord
{
    public string BookmarkId { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public TimerStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
}

/// <summary>Pending -> Fired when its bookmark is resumed; Pending -> Cancelled when the bookmark goes away otherwise.</summary>
public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
}

public sealed class JournalRecord
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    public string? ActivityInstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public int ActivityTypeVersion { get; set; }
    public string? ActivityName { get; set; }
    public string NodeId { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
    public string EventName { get; set; } = "";
    public string? Message { get; set; }
    public string? PayloadJson { get; set; }
}

public sealed class ActivityExecutionRow
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityNodeId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public int ActivityTypeVersion { get; set; }
    public string? ActivityName { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public bool HasBookmarks { get; set; }
    public string? ActivityStateJson { get; set; }
    public string? PayloadJson { get; set; }
    public string? OutputsJson { get; set; }
    public string? ExceptionJson { get; set; }
}

/// <summary>
/// A message to send, written in the same transaction as the step that caused it. The row is the truth about the
/// message: <see cref="Status"/> moves Pending → Sending (claimed with a lease) → Sent, back to Pending with a later
/// <see cref="NextAttemptAt"/> after a transient failure, or to Failed. See <c>Notifications/Outbox</c>.
/// </summary>
public sealed class OutboxMessage
{
    public string Id { get; set; } = "";

    /// <summary>Unique: the same reminder to the same recipient on the same channel is stored, and sent, once.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary><c>Email</c> or <c>Sms</c>.</summary>
    public string Channel { get; set; } = "";

    public string Recipient { get; set; } = "";
    public string? RecipientName { get; set; }

    /// <summary>The template kind (<c>reminder-5d</c>, <c>due-today</c> …), or <c>message</c> for a text written in the workflow.</summary>
    public string Kind { get; set; } = "message";

    /// <summary>Rendered email subject.</summary>
    public string? Subject { get; set; }

    /// <summary>Rendered email body; for SMS the rendered text as the template reads (for the log and the admins).</summary>
    public string Body { get; set; } = "";

    /// <summary>SMS only: the provider's template code and the ordered parameters (JSON array of name/value).</summary>
    public string? SmsTemplateCode { get; set; }

    public string? SmsParametersJson { get; set; }

    public string? InstanceId { get; set; }
    public string? CaseId { get; set; }

    /// <summary>The task or filing the message is about, and the reminder stage, for reminders.</summary>
    public string? SubjectId { get; set; }

    public string? Stage { get; set; }

    /// <summary>For a resend: the message it repeats.</summary>
    public string? ResendOf { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    /// <summary>Claims so far (each claim is one attempt).</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this instant; null means as soon as possible.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>While Sending: the claim expires then (wall clock), and another worker may take the message over.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>While Sending: the claim's token; only its holder may record the outcome.</summary>
    public string? LeaseToken { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,

    /// <summary>Not sent because its reason went away (the task or filing was closed before delivery).</summary>
    Cancelled,

    /// <summary>Not sent because delivery on its channel is off (<c>Smtp:Disabled</c>, or no SMTP server in Development); final.</summary>
    NotSent,
}

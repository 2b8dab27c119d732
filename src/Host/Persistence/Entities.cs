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

/// <summary>A message to send, written in the same transaction as the step that caused it.</summary>
public sealed class OutboxMessage
{
    public string Id { get; set; } = "";

    /// <summary>Unique: the same reminder to the same recipient on the same channel is stored, and sent, once.</summary>
    public string IdempotencyKey { get; set; } = "";

    public string Channel { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public string? InstanceId { get; set; }
    public string Status { get; set; } = "Pending";
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? LastError { get; set; }
}

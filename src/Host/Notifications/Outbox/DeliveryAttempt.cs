namespace Workflows.Host.Notifications.Outbox;

/// <summary>One try to hand a message to the provider: every attempt is kept, whatever its outcome.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; set; }
    public string OutboxMessageId { get; set; } = "";

    /// <summary>1 for the first claim of the message, 2 for the second …</summary>
    public int Attempt { get; set; }

    public string Channel { get; set; } = "";
    public string Recipient { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public DeliveryOutcome Outcome { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? ErrorCode { get; set; }
    public string? Error { get; set; }

    /// <summary>The host process that made the attempt (machine:pid).</summary>
    public string Worker { get; set; } = "";
}

public enum DeliveryOutcome
{
    Sent,
    TransientFailure,
    PermanentFailure,

    /// <summary>A worker claimed the message and never reported back (crash); found when its lease expired.</summary>
    Interrupted,

    /// <summary>Delivery on the channel is off: nothing was handed to a provider.</summary>
    NotSent,
}

namespace Workflows.Host.Notifications.Senders;

/// <summary>What became of one send attempt, as a retry policy needs to know it.</summary>
public enum SendStatus
{
    /// <summary>The provider accepted the message.</summary>
    Sent,

    /// <summary>
    /// Not sent, and the same message may succeed later: the server was unreachable, timed out, answered 4xx
    /// or throttled us. Retry with back-off.
    /// </summary>
    TransientFailure,

    /// <summary>Not sent, and sending the same message again will fail the same way (5xx, invalid address, rejected template).</summary>
    PermanentFailure,

    /// <summary>
    /// Not sent because delivery is switched off on purpose (<c>Smtp:Disabled</c>, or no <c>Smtp:Host</c> in
    /// Development): nothing left the machine, and nothing pretends it did.
    /// </summary>
    NotSent,
}

/// <summary>
/// The outcome of <see cref="IEmailSender.SendAsync"/> or <see cref="ISmsSender.SendAsync"/>. Senders return
/// failures instead of throwing them; only cancellation by the caller's token is thrown.
/// </summary>
public sealed record SendResult
{
    public required SendStatus Status { get; init; }

    /// <summary>The provider's id of the accepted message: the Message-Id header (without angle brackets) for
    /// SMTP, BizId for Alibaba, SerialNo for Tencent (comma-separated when several numbers were sent to).</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>A short machine-readable reason on failure: the provider's error code, or the SMTP status code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A human-readable reason on failure, in the provider's words where it gave any.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Per-recipient outcome where the provider reports one (Tencent); empty otherwise.</summary>
    public IReadOnlyList<RecipientResult> Recipients { get; init; } = [];

    public bool Succeeded => Status == SendStatus.Sent;

    public bool IsTransient => Status == SendStatus.TransientFailure;

    public static SendResult Sent(string providerMessageId, IReadOnlyList<RecipientResult>? recipients = null) =>
        new() { Status = SendStatus.Sent, ProviderMessageId = providerMessageId, Recipients = recipients ?? [] };

    public static SendResult Transient(string errorCode, string errorMessage) =>
        new() { Status = SendStatus.TransientFailure, ErrorCode = errorCode, ErrorMessage = errorMessage };

    public static SendResult Permanent(string errorCode, string errorMessage) =>
        new() { Status = SendStatus.PermanentFailure, ErrorCode = errorCode, ErrorMessage = errorMessage };

    public static SendResult NotSent(string reasonCode, string reason) =>
        new() { Status = SendStatus.NotSent, ErrorCode = reasonCode, ErrorMessage = reason };

    public static SendResult Failed(bool transient, string errorCode, string errorMessage) =>
        transient ? Transient(errorCode, errorMessage) : Permanent(errorCode, errorMessage);
}

/// <summary>The outcome for one phone number of a multi-number SMS request.</summary>
public sealed record RecipientResult(
    string Recipient,
    SendStatus Status,
    string? ProviderMessageId,
    string? ErrorCode = null,
    string? ErrorMessage = null);

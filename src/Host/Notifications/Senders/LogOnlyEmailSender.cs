using Microsoft.Extensions.Options;

namespace Workflows.Host.Notifications.Senders;

/// <summary>
/// Used when no <c>Smtp:Host</c> is configured (the embedded default): the email is composed and checked like a
/// real one, then written to the log at warning level so a forgotten setting is visible, and reported as sent.
/// </summary>
internal sealed class LogOnlyEmailSender(IOptions<SmtpOptions> options, TimeProvider clock, ILogger<LogOnlyEmailSender> logger) : IEmailSender
{
    public Task<SendResult> SendAsync(EmailMessage m, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var (message, invalid) = EmailComposer.Compose(m, options.Value, clock);
        if (invalid is not null)
        {
            logger.LogWarning("Email not sent: {ErrorMessage}", invalid.ErrorMessage);
            return Task.FromResult(invalid);
        }
        logger.LogWarning(
            "Smtp:Host is not configured; email {MessageId} to {Recipients} only logged. Subject: {Subject}; body: {TextBody}",
            message!.MessageId, string.Join(", ", message.To.Mailboxes.Select(a => a.Address)), m.Subject, m.TextBody);
        return Task.FromResult(SendResult.Sent(message.MessageId!));
    }
}

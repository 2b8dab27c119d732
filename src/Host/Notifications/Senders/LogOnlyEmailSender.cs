using Microsoft.Extensions.Options;

namespace Workflows.Host.Notifications.Senders;

/// <summary>
/// Used when email is off: <c>Smtp:Disabled=true</c> (on purpose, allowed in Production) or no <c>Smtp:Host</c>
/// (Development's default; Production refuses to start that way). The email is composed and checked like a real one,
/// then reported <see cref="SendStatus.NotSent"/>, so the outbox shows it was never delivered. The log gets the
/// subject and the masked recipient only: bodies carry complaints and names.
/// </summary>
internal sealed class LogOnlyEmailSender(IOptions<SmtpOptions> options, TimeProvider clock, ILogger<LogOnlyEmailSender> logger) : IEmailSender
{
    public const string DisabledCode = "EmailDisabled";
    public const string NotConfiguredCode = "SmtpNotConfigured";

    public Task<SendResult> SendAsync(EmailMessage m, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var (message, invalid) = EmailComposer.Compose(m, options.Value, clock);
        if (invalid is not null)
        {
            logger.LogWarning("Email not sent: {ErrorCode}", invalid.ErrorCode);
            return Task.FromResult(invalid);
        }
        var recipients = string.Join(", ", message!.To.Mailboxes.Select(a => EmailAddresses.Mask(a.Address)));
        if (options.Value.Disabled)
        {
            logger.LogInformation("Email disabled (Smtp:Disabled=true); email to {Recipients} not sent. Subject: {Subject}", recipients, m.Subject);
            return Task.FromResult(SendResult.NotSent(DisabledCode, "邮件发送已停用（Smtp:Disabled=true），未发送。"));
        }
        logger.LogWarning("Smtp:Host is not configured; email to {Recipients} not sent. Subject: {Subject}", recipients, m.Subject);
        return Task.FromResult(SendResult.NotSent(NotConfiguredCode, "未配置邮件服务器（Smtp:Host），邮件未发送。"));
    }
}

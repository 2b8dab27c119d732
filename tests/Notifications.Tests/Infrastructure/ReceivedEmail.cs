using MimeKit;

namespace Workflows.Notifications.Tests.Infrastructure;

/// <summary>One message as the SMTP sink received it.</summary>
public sealed record ReceivedEmail(
    string EnvelopeFrom,
    IReadOnlyList<string> EnvelopeTo,
    string? MessageId,
    MailboxAddress? From,
    IReadOnlyList<MailboxAddress> To,
    string Subject,
    string? TextBody,
    string? HtmlBody,
    MimeMessage Message)
{
    public static ReceivedEmail Load(string path)
    {
        var message = MimeMessage.Load(path);
        var envelopeTo = (message.Headers["X-Envelope-To"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ReceivedEmail(
            message.Headers["X-Envelope-From"] ?? "",
            envelopeTo,
            message.MessageId,
            message.From.Mailboxes.FirstOrDefault(),
            message.To.Mailboxes.ToList(),
            message.Subject ?? "",
            message.TextBody,
            message.HtmlBody,
            message);
    }
}

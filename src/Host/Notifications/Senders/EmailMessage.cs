namespace Workflows.Host.Notifications.Senders;

/// <summary>One email to one or more recipients.</summary>
/// <param name="To">Addresses, bare (<c>a@b.cn</c>) or with a display name (<c>张三 &lt;a@b.cn&gt;</c>).</param>
/// <param name="Subject">Any Unicode; MimeKit encodes it (RFC 2047) for the wire.</param>
/// <param name="TextBody">The plain-text body, always sent.</param>
/// <param name="HtmlBody">When given, sent as the alternative to the text body.</param>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string TextBody, string? HtmlBody = null)
{
    public EmailMessage(string to, string subject, string textBody, string? htmlBody = null)
        : this([to], subject, textBody, htmlBody)
    {
    }
}

/// <summary>Sends email. The seam the notification outbox calls; implementations never throw on delivery failure.</summary>
public interface IEmailSender
{
    Task<SendResult> SendAsync(EmailMessage m, CancellationToken ct);
}

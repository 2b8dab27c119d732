using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Workflows.Host.Notifications.Senders;

/// <summary>
/// Email over SMTP with MailKit: one connection per message (reminders are few; a pooled connection would
/// have to survive server restarts for little gain).
/// </summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider clock, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task<SendResult> SendAsync(EmailMessage m, CancellationToken ct)
    {
        var settings = options.Value;
        var (message, invalid) = EmailComposer.Compose(m, settings, clock);
        if (invalid is not null)
        {
            logger.LogWarning("Email not sent: {ErrorCode}", invalid.ErrorCode);
            return invalid;
        }

        var result = await DeliverAsync(message!, settings, ct);
        if (result.Succeeded)
            logger.LogInformation("Email {MessageId} sent to {RecipientCount} recipient(s) through {SmtpHost}:{SmtpPort}",
                result.ProviderMessageId, message!.To.Count, settings.Host, settings.Port);
        else
            logger.LogWarning("Email {MessageId} not sent ({Status}, {ErrorCode}): {ErrorMessage}",
                message!.MessageId, result.Status, result.ErrorCode, result.ErrorMessage);
        return result;
    }

    private static async Task<SendResult> DeliverAsync(MimeMessage message, SmtpOptions settings, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, ToMailKit(settings.Security), ct);
            if (!string.IsNullOrWhiteSpace(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            await client.SendAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (Classify(e) is { } failure)
        {
            return failure;
        }

        // The server has taken the message (250 after DATA); a failed QUIT must not turn that into a retry.
        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or OperationCanceledException)
        {
        }
        return SendResult.Sent(message.MessageId!);
    }

    /// <summary>
    /// SMTP replies decide by their class: 4xx transient, 5xx permanent (RFC 5321 §4.2.1); a refused login is a 5xx
    /// (535) like any other. Not reaching the server at all (refused, reset, timed out, TLS handshake) is transient:
    /// the message is fine and the server may be back by the next attempt.
    /// </summary>
    internal static SendResult? Classify(Exception e) => e switch
    {
        SmtpCommandException command => SendResult.Failed(
            transient: (int)command.StatusCode is >= 400 and < 500,
            errorCode: ((int)command.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            errorMessage: command.Mailbox is null ? command.Message : $"{command.Mailbox.Address}: {command.Message}"),
        AuthenticationException => SendResult.Permanent("AuthenticationFailed", $"The SMTP server refused the login: {e.Message}"),
        SslHandshakeException => SendResult.Transient("TlsFailed", $"TLS with the SMTP server failed: {e.Message}"),
        SocketException socket => SendResult.Transient("ConnectionFailed", $"{socket.SocketErrorCode}: {socket.Message}"),
        TimeoutException or OperationCanceledException => SendResult.Transient("Timeout", "The SMTP server did not answer in time."),
        IOException or ProtocolException or CommandException => SendResult.Transient("ConnectionFailed", e.Message),
        _ => null,
    };

    internal static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}

/// <summary>Builds the MIME message; shared by the SMTP and the log-only sender so both refuse the same input.</summary>
internal static class EmailComposer
{
    public const string InvalidAddressCode = "InvalidAddress";

    public static (MimeMessage? Message, SendResult? Invalid) Compose(EmailMessage m, SmtpOptions settings, TimeProvider clock)
    {
        if (m.To is null || m.To.Count == 0)
            return (null, SendResult.Permanent(InvalidAddressCode, "The email has no recipient."));
        var to = new List<MailboxAddress>(m.To.Count);
        foreach (var text in m.To)
        {
            if (ParseMailbox(text) is not { } mailbox)
                return (null, SendResult.Permanent(InvalidAddressCode, $"'{text}' is not an email address."));
            to.Add(mailbox);
        }

        var from = ParseMailbox(settings.FromAddress) ?? new MailboxAddress(settings.FromName, "noreply@localhost");
        if (string.IsNullOrEmpty(from.Name))
            from.Name = settings.FromName;
        var message = new MimeMessage
        {
            Subject = m.Subject ?? "",
            Date = clock.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(from.Domain.Length > 0 ? from.Domain : "localhost"),
        };
        message.From.Add(from);
        message.To.AddRange(to);
        message.Body = new BodyBuilder { TextBody = m.TextBody ?? "", HtmlBody = m.HtmlBody }.ToMessageBody();
        return (message, null);
    }

    /// <summary>A mailbox with a local part and a domain; MimeKit alone would accept a bare word as a local address.</summary>
    private static MailboxAddress? ParseMailbox(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && MailboxAddress.TryParse(text, out var mailbox)
        && mailbox.LocalPart.Length > 0
        && mailbox.Domain.Length > 0
            ? mailbox
            : null;
}

namespace Workflows.Host.Notifications.Senders;

/// <summary>
/// The embedded default (<c>Sms:Provider = LogOnly</c>): checks the message like a real sender, logs it with the
/// numbers masked, and reports success with a generated id. Nothing leaves the machine.
/// </summary>
internal sealed class LogOnlySmsSender(INonceSource nonces, ILogger<LogOnlySmsSender> logger) : ISmsSender
{
    public const string IdPrefix = "log-";

    public Task<SendResult> SendAsync(SmsMessage m, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var (numbers, invalid) = SmsMessageChecks.Check(m, int.MaxValue);
        if (invalid is not null)
        {
            logger.LogWarning("SMS not sent: {ErrorMessage}", invalid.ErrorMessage);
            return Task.FromResult(invalid);
        }
        var id = IdPrefix + nonces.Next();
        logger.LogInformation(
            "SMS {MessageId} logged, not sent (Sms:Provider is LogOnly): template {TemplateCode} to {PhoneNumbers} with parameters {TemplateParameterNames}, OutId {OutId}",
            id, m.TemplateCode, numbers.Select(MainlandMobile.Mask).ToArray(),
            // Names only: the values are the message's text (a complaint, names).
            (m.TemplateParameters ?? []).Select(p => p.Name).ToArray(), m.OutId);
        return Task.FromResult(SendResult.Sent(id));
    }
}

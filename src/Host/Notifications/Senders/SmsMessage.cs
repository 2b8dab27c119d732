namespace Workflows.Host.Notifications.Senders;

/// <summary>One template SMS to one or more mainland mobile numbers.</summary>
/// <param name="PhoneNumbers">Mainland mobile numbers, e.g. <c>13800138000</c>; a <c>+86</c> prefix is accepted.</param>
/// <param name="TemplateCode">The provider's approved template: Alibaba's TemplateCode (<c>SMS_123456789</c>) or Tencent's TemplateId.</param>
/// <param name="TemplateParameters">
/// The template's variables in template order. Alibaba receives them as a JSON object by name; Tencent as an
/// array of values in this order, names ignored.
/// </param>
/// <param name="OutId">
/// Our own id for the message (e.g. the notification id), echoed in delivery receipts: Alibaba's OutId, Tencent's
/// SessionContext. Neither provider deduplicates on it; exactly-once is the outbox's job.
/// </param>
public sealed record SmsMessage(
    IReadOnlyList<string> PhoneNumbers,
    string TemplateCode,
    IReadOnlyList<SmsTemplateParameter> TemplateParameters,
    string? OutId = null)
{
    public SmsMessage(string phoneNumber, string templateCode, IReadOnlyList<SmsTemplateParameter> templateParameters, string? outId = null)
        : this([phoneNumber], templateCode, templateParameters, outId)
    {
    }
}

/// <summary>One template variable.</summary>
public sealed record SmsTemplateParameter(string Name, string Value);

/// <summary>Sends template SMS through the configured provider. Implementations never throw on delivery failure.</summary>
public interface ISmsSender
{
    Task<SendResult> SendAsync(SmsMessage m, CancellationToken ct);
}

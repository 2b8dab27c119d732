using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Notifications.Senders;

/// <summary>
/// Tencent Cloud SMS, API 3.0 <c>SendSms</c> (Version 2021-01-11), a JSON POST signed with TC3-HMAC-SHA256.
/// Tencent reports each number separately; the result carries them in <see cref="SendResult.Recipients"/>.
/// </summary>
internal sealed class TencentSmsSender(
    HttpClient http,
    IOptions<TencentSmsOptions> options,
    TimeProvider clock,
    ILogger<TencentSmsSender> logger) : ISmsSender
{
    private const string Provider = "Tencent Cloud SMS";
    private const string Service = "sms";
    private const string Version = "2021-01-11";
    private const string ContentType = "application/json; charset=utf-8";

    /// <summary>SendSms takes up to 200 numbers per request.</summary>
    private const int MaxNumbers = 200;

    public async Task<SendResult> SendAsync(SmsMessage m, CancellationToken ct)
    {
        var (numbers, invalid) = SmsMessageChecks.Check(m, MaxNumbers);
        if (invalid is not null)
        {
            logger.LogWarning("SMS not sent: {ErrorMessage}", invalid.ErrorMessage);
            return invalid;
        }

        var settings = options.Value;
        var endpoint = new Uri(settings.Endpoint);
        var payload = Payload(m, numbers, settings);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        // The host as HttpClient will send it: with the port when it is not the scheme's default.
        var authorization = Tc3Signature.Sign(settings.SecretId!, settings.SecretKey!, Service, endpoint.Authority, ContentType, payload, timestamp);

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(payload) };
        // Set verbatim: the signed content-type must be byte-for-byte the one sent.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Add("X-TC-Action", "SendSms");
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-TC-Version", Version);
        request.Headers.Add("X-TC-Region", settings.Region);

        var (_, body, failure) = await ProviderHttp.SendAsync(http, request, Provider, ct);
        using (body)
        {
            var result = failure ?? Interpret(body!.RootElement);
            Log(result, numbers, m);
            return result;
        }
    }

    /// <summary>The request body; numbers in E.164 (+86…), template values in template order, names dropped.</summary>
    internal static byte[] Payload(SmsMessage m, IReadOnlyList<string> numbers, TencentSmsOptions settings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("PhoneNumberSet");
            foreach (var number in numbers)
                json.WriteStringValue("+86" + number);
            json.WriteEndArray();
            json.WriteString("SmsSdkAppId", settings.SdkAppId);
            json.WriteString("SignName", settings.SignName);
            json.WriteString("TemplateId", m.TemplateCode);
            json.WriteStartArray("TemplateParamSet");
            foreach (var parameter in m.TemplateParameters ?? [])
                json.WriteStringValue(parameter.Value);
            json.WriteEndArray();
            if (!string.IsNullOrEmpty(m.OutId))
                json.WriteString("SessionContext", m.OutId);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// <c>Response.Error</c> means the whole request failed; otherwise each entry of <c>Response.SendStatusSet</c>
    /// has Code "Ok" and a SerialNo, or its own error code.
    /// </summary>
    internal static SendResult Interpret(JsonElement body)
    {
        if (!body.TryGetProperty("Response", out var response) || response.ValueKind != JsonValueKind.Object)
            return SendResult.Permanent("UnexpectedResponse", $"{Provider} answered without a Response object.");
        if (response.TryGetProperty("Error", out var error))
        {
            var code = error.GetString("Code") ?? "UnknownError";
            return SendResult.Failed(IsTransient(code), code, error.GetString("Message") ?? "(no message)");
        }
        if (!response.TryGetProperty("SendStatusSet", out var set) || set.ValueKind != JsonValueKind.Array || set.GetArrayLength() == 0)
            return SendResult.Permanent("UnexpectedResponse", $"{Provider} answered without a SendStatusSet.");

        var recipients = set.EnumerateArray().Select(ToRecipient).ToList();
        var serialNos = string.Join(',', recipients.Where(r => r.Status == SendStatus.Sent).Select(r => r.ProviderMessageId));
        var failed = recipients.Where(r => r.Status != SendStatus.Sent).ToList();
        if (failed.Count == 0)
            return SendResult.Sent(serialNos, recipients);

        // A retry resends to every number of the message; it is transient only if every failure is.
        var status = failed.All(r => r.Status == SendStatus.TransientFailure) ? SendStatus.TransientFailure : SendStatus.PermanentFailure;
        return new SendResult
        {
            Status = status,
            ProviderMessageId = serialNos.Length > 0 ? serialNos : null,
            ErrorCode = failed[0].ErrorCode,
            ErrorMessage = string.Join("; ", failed.Select(r => $"{MainlandMobile.Mask(r.Recipient)}: {r.ErrorCode} {r.ErrorMessage}")),
            Recipients = recipients,
        };
    }

    private static RecipientResult ToRecipient(JsonElement entry)
    {
        var number = entry.GetString("PhoneNumber") ?? "";
        var code = entry.GetString("Code") ?? "UnknownError";
        return code == "Ok"
            ? new RecipientResult(number, SendStatus.Sent, entry.GetString("SerialNo"))
            : new RecipientResult(number, IsTransient(code) ? SendStatus.TransientFailure : SendStatus.PermanentFailure,
                null, code, entry.GetString("Message"));
    }

    /// <summary>
    /// Tencent's own failures and rate limits (API rate, and the per-number 30-second and 1-hour limits) pass
    /// with time; a daily per-number limit, templates, signatures, numbers, balance and credentials need a person.
    /// </summary>
    internal static bool IsTransient(string code) =>
        code.StartsWith("InternalError", StringComparison.Ordinal)
        || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
        || code is "LimitExceeded.PhoneNumberThirtySecondLimit" or "LimitExceeded.PhoneNumberOneHourLimit" or "LimitExceeded.DeliveryFrequencyLimit";

    private void Log(SendResult result, IReadOnlyList<string> numbers, SmsMessage m)
    {
        var masked = string.Join(", ", numbers.Select(MainlandMobile.Mask));
        if (result.Succeeded)
            logger.LogInformation("SMS {TemplateCode} sent by {Provider} to {PhoneNumbers}, SerialNo {ProviderMessageId}, SessionContext {OutId}",
                m.TemplateCode, Provider, masked, result.ProviderMessageId, m.OutId);
        else
            logger.LogWarning("SMS {TemplateCode} to {PhoneNumbers} not sent by {Provider} ({Status}, {ErrorCode}): {ErrorMessage}",
                m.TemplateCode, masked, Provider, result.Status, result.ErrorCode, result.ErrorMessage);
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Notifications.Senders;

/// <summary>
/// Alibaba Cloud SMS, RPC API <c>SendSms</c> (dysmsapi, Version 2017-05-25), signed with signature method V2
/// (HMAC-SHA1) and sent as a form POST. One BizId covers all numbers of a request.
/// </summary>
internal sealed class AlibabaSmsSender(
    HttpClient http,
    IOptions<AlibabaSmsOptions> options,
    TimeProvider clock,
    INonceSource nonces,
    ILogger<AlibabaSmsSender> logger) : ISmsSender
{
    private const string Provider = "Alibaba Cloud SMS";

    /// <summary>SendSms takes up to 1000 numbers per request.</summary>
    private const int MaxNumbers = 1000;

    // Chinese stays readable in the JSON; HTML-sensitive characters are still escaped, which JSON allows.
    private static readonly JsonSerializerOptions TemplateJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task<SendResult> SendAsync(SmsMessage m, CancellationToken ct)
    {
        var (numbers, invalid) = SmsMessageChecks.Check(m, MaxNumbers);
        if (invalid is not null)
        {
            logger.LogWarning("SMS not sent: {ErrorMessage}", invalid.ErrorMessage);
            return invalid;
        }

        var settings = options.Value;
        var parameters = BuildParameters(m, numbers, settings);
        var canonical = AlibabaRpcSignature.CanonicalizedQuery(parameters);
        var signature = AlibabaRpcSignature.Sign(settings.AccessKeySecret!, AlibabaRpcSignature.StringToSign("POST", canonical));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoint))
        {
            // The canonicalized query is already a valid form body; only the signature is added to it.
            Content = new StringContent("Signature=" + AlibabaRpcSignature.PercentEncode(signature) + "&" + canonical,
                Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var (status, body, failure) = await ProviderHttp.SendAsync(http, request, Provider, ct);
        using (body)
        {
            var result = failure ?? Interpret(body!.RootElement, (int)status);
            Log(result, numbers, m);
            return result;
        }
    }

    private Dictionary<string, string> BuildParameters(SmsMessage m, IReadOnlyList<string> numbers, AlibabaSmsOptions settings)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = settings.AccessKeyId!,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["RegionId"] = settings.RegionId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = nonces.Next(),
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = AlibabaRpcSignature.Timestamp(clock.GetUtcNow()),
            ["Version"] = "2017-05-25",
            ["PhoneNumbers"] = string.Join(',', numbers),
            ["SignName"] = settings.SignName!,
            ["TemplateCode"] = m.TemplateCode,
        };
        if (m.TemplateParameters is { Count: > 0 })
            parameters["TemplateParam"] = TemplateParam(m.TemplateParameters);
        if (!string.IsNullOrEmpty(m.OutId))
            parameters["OutId"] = m.OutId;
        return parameters;
    }

    /// <summary>The template variables as one JSON object, in the message's order.</summary>
    internal static string TemplateParam(IReadOnlyList<SmsTemplateParameter> parameters)
    {
        var ordered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in parameters)
            ordered[p.Name] = p.Value;
        return JsonSerializer.Serialize(ordered, TemplateJson);
    }

    /// <summary>
    /// <c>{"Code":"OK","BizId":…}</c> is success. Errors come with HTTP 200 (business errors, isv.*) or 4xx/5xx
    /// (gateway errors such as SignatureDoesNotMatch or Throttling.User), always with Code and Message.
    /// </summary>
    internal static SendResult Interpret(JsonElement body, int httpStatus)
    {
        var code = body.GetString("Code");
        if (code == "OK")
            return SendResult.Sent(body.GetString("BizId") ?? "");
        var message = body.GetString("Message") ?? "(no message)";
        if (code is null)
            return SendResult.Failed(httpStatus is 408 or 429 or >= 500, $"Http{httpStatus}", $"{Provider} answered HTTP {httpStatus} without a Code.");
        return SendResult.Failed(IsTransient(code, httpStatus), code, message);
    }

    /// <summary>
    /// Throttling (per-number frequency control and API rate limits), the service's own failures, and a nonce
    /// clash (the retry brings a fresh nonce) pass with time; everything else (template, signature name, number,
    /// credentials, balance) needs a person.
    /// </summary>
    internal static bool IsTransient(string code, int httpStatus) =>
        code == "isv.BUSINESS_LIMIT_CONTROL"
        || code.StartsWith("Throttling", StringComparison.Ordinal)
        || code is "ServiceUnavailable" or "InternalError" or "isp.SYSTEM_ERROR" or "SignatureNonceUsed"
        || httpStatus >= 500;

    private void Log(SendResult result, IReadOnlyList<string> numbers, SmsMessage m)
    {
        var masked = string.Join(", ", numbers.Select(MainlandMobile.Mask));
        if (result.Succeeded)
            logger.LogInformation("SMS {TemplateCode} sent by {Provider} to {PhoneNumbers}, BizId {ProviderMessageId}, OutId {OutId}",
                m.TemplateCode, Provider, masked, result.ProviderMessageId, m.OutId);
        else
            logger.LogWarning("SMS {TemplateCode} to {PhoneNumbers} not sent by {Provider} ({Status}, {ErrorCode}): {ErrorMessage}",
                m.TemplateCode, masked, Provider, result.Status, result.ErrorCode, result.ErrorMessage);
    }
}

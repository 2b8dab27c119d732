using System.Text.Json;
using Workflows.Host.Notifications.Senders;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Notifications.Tests.Sms;

public sealed class TencentSmsSenderTests : IAsyncLifetime
{
    private TencentSmsStub _tencent = null!;
    private SenderServices _services = null!;

    public async Task InitializeAsync()
    {
        _tencent = await TencentSmsStub.StartAsync();
        _services = Services(_tencent.Endpoint.ToString(), TencentSmsStub.SecretKey);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _tencent.DisposeAsync();
    }

    [Fact]
    public async Task SendSms_is_signed_with_TC3_and_carries_the_documented_headers_and_body()
    {
        var result = await _services.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Empty(_tencent.SignatureMismatches);
        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(TencentSmsStub.SerialNo("+8613800138000"), result.ProviderMessageId);
        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(new RecipientResult("+8613800138000", SendStatus.Sent, TencentSmsStub.SerialNo("+8613800138000")), recipient);

        var request = Assert.Single(_tencent.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal("SendSms", request.Headers["X-TC-Action"]);
        Assert.Equal("2021-01-11", request.Headers["X-TC-Version"]);
        Assert.Equal("ap-guangzhou", request.Headers["X-TC-Region"]);
        Assert.Equal(SenderServices.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["X-TC-Timestamp"]);
        Assert.StartsWith($"TC3-HMAC-SHA256 Credential={TencentSmsStub.SecretId}/2025-03-14/sms/tc3_request, SignedHeaders=content-type;host, Signature=",
            request.Headers["Authorization"], StringComparison.Ordinal);

        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(["+8613800138000"], body.GetProperty("PhoneNumberSet").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(TencentSmsStub.SdkAppId, body.GetProperty("SmsSdkAppId").GetString());
        Assert.Equal("某某区住建局", body.GetProperty("SignName").GetString());
        Assert.Equal("1110", body.GetProperty("TemplateId").GetString());
        Assert.Equal(["阳光花园", "5"], body.GetProperty("TemplateParamSet").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("notification-42", body.GetProperty("SessionContext").GetString());
    }

    [Theory]
    [InlineData("RequestLimitExceeded", SendStatus.TransientFailure)]
    [InlineData("InternalError.Timeout", SendStatus.TransientFailure)]
    [InlineData("InternalError", SendStatus.TransientFailure)]
    [InlineData("FailedOperation.TemplateIncorrectOrUnapproved", SendStatus.PermanentFailure)]
    [InlineData("AuthFailure.SecretIdNotFound", SendStatus.PermanentFailure)]
    public async Task Response_error_is_classified_by_its_code(string code, SendStatus expected)
    {
        _tencent.Reply = _ => TencentSmsStub.Error(code, "模拟的错误");

        var result = await _services.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal("模拟的错误", result.ErrorMessage);
    }

    [Fact]
    public async Task A_failed_number_in_SendStatusSet_fails_the_message_and_is_reported_for_that_number()
    {
        _tencent.Reply = request => TencentSmsStub.StatusSet(request, number => number == "+8613912345678"
            ? ("FailedOperation.PhoneNumberInBlacklist", "phone number in blacklist")
            : ("Ok", "send success"));

        var result = await _services.Sms.SendAsync(Reminder("13800138000", "13912345678"), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Equal("FailedOperation.PhoneNumberInBlacklist", result.ErrorCode);
        Assert.Equal(TencentSmsStub.SerialNo("+8613800138000"), result.ProviderMessageId);
        Assert.Contains("139****5678", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([SendStatus.Sent, SendStatus.PermanentFailure], result.Recipients.Select(r => r.Status));
    }

    [Fact]
    public async Task A_per_number_frequency_limit_is_a_transient_failure()
    {
        _tencent.Reply = request => TencentSmsStub.StatusSet(request, _ => ("LimitExceeded.PhoneNumberThirtySecondLimit", "30 second limit"));

        var result = await _services.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
    }

    [Fact]
    public async Task A_wrong_secret_key_fails_the_providers_signature_check_and_is_permanent()
    {
        await using var wrongKey = Services(_tencent.Endpoint.ToString(), "not-the-secret-key");

        var result = await wrongKey.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Single(_tencent.SignatureMismatches);
        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Equal("AuthFailure.SignatureFailure", result.ErrorCode);
    }

    [Fact]
    public async Task Provider_answering_after_the_timeout_is_a_transient_failure()
    {
        _tencent.Delay = TimeSpan.FromSeconds(5);
        await using var impatient = Services(_tencent.Endpoint.ToString(), TencentSmsStub.SecretKey, timeoutSeconds: 1);

        var result = await impatient.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal("Timeout", result.ErrorCode);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_thrown_not_reported_as_a_failure()
    {
        _tencent.Delay = TimeSpan.FromSeconds(5);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _services.Sms.SendAsync(Reminder("13800138000"), cancel.Token));
    }

    private static SmsMessage Reminder(params string[] numbers) =>
        new(numbers, "1110", [new("compound", "阳光花园"), new("days", "5")], "notification-42");

    private static SenderServices Services(string endpoint, string secretKey, int timeoutSeconds = 10) => new(new Dictionary<string, string?>
    {
        ["Sms:Provider"] = "Tencent",
        ["Sms:Tencent:SecretId"] = TencentSmsStub.SecretId,
        ["Sms:Tencent:SecretKey"] = secretKey,
        ["Sms:Tencent:SdkAppId"] = TencentSmsStub.SdkAppId,
        ["Sms:Tencent:SignName"] = "某某区住建局",
        ["Sms:Tencent:Endpoint"] = endpoint,
        ["Sms:Tencent:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}

using Workflows.Host.Notifications.Senders;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Notifications.Tests.Sms;

public sealed class AlibabaSmsSenderTests : IAsyncLifetime
{
    private AlibabaSmsStub _alibaba = null!;
    private SenderServices _services = null!;

    public async Task InitializeAsync()
    {
        _alibaba = await AlibabaSmsStub.StartAsync();
        _services = Services(_alibaba.Endpoint.ToString(), AlibabaSmsStub.AccessKeySecret);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _alibaba.DisposeAsync();
    }

    [Fact]
    public async Task SendSms_is_signed_as_documented_and_carries_every_parameter()
    {
        var result = await _services.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Empty(_alibaba.SignatureMismatches);
        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(AlibabaSmsStub.SuccessBizId, result.ProviderMessageId);
        var request = Assert.Single(_alibaba.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        var parameters = AlibabaSmsStub.FormParameters(request);
        parameters.Remove("Signature");
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = AlibabaSmsStub.AccessKeyId,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["OutId"] = "notification-42",
            ["PhoneNumbers"] = "13800138000",
            ["RegionId"] = "cn-hangzhou",
            ["SignName"] = "某某区住建局",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = SenderServices.Nonce,
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = "SMS_154950909",
            ["TemplateParam"] = """{"compound":"阳光花园","days":"5"}""",
            ["Timestamp"] = "2025-03-14T01:02:03Z",
            ["Version"] = "2017-05-25",
        }, new SortedDictionary<string, string>(parameters, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Several_numbers_go_in_one_request_separated_by_commas()
    {
        var result = await _services.Sms.SendAsync(Reminder("13800138000", "+8613912345678"), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("13800138000,13912345678", AlibabaSmsStub.FormParameters(Assert.Single(_alibaba.Requests))["PhoneNumbers"]);
    }

    [Fact]
    public async Task Business_limit_control_is_a_transient_failure()
    {
        _alibaba.Reply = AlibabaSmsStub.Error(200, "isv.BUSINESS_LIMIT_CONTROL", "触发小时级流控Permits:5");

        var result = await _services.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal("isv.BUSINESS_LIMIT_CONTROL", result.ErrorCode);
        Assert.Equal("触发小时级流控Permits:5", result.ErrorMessage);
    }

    [Fact]
    public async Task Throttling_answered_with_HTTP_400_is_a_transient_failure()
    {
        _alibaba.Reply = AlibabaSmsStub.Error(400, "Throttling.User", "Request was denied due to user flow control.");

        var result = await _services.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal("Throttling.User", result.ErrorCode);
    }

    [Fact]
    public async Task Unknown_template_is_a_permanent_failure_with_the_providers_message()
    {
        _alibaba.Reply = AlibabaSmsStub.Error(200, "isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");

        var result = await _services.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Equal("isv.SMS_TEMPLATE_ILLEGAL", result.ErrorCode);
        Assert.Equal("该账号下找不到对应模板", result.ErrorMessage);
    }

    [Fact]
    public async Task Server_error_without_JSON_is_a_transient_failure()
    {
        _alibaba.Reply = (503, "<html>Service Unavailable</html>");

        var result = await _services.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal("Http503", result.ErrorCode);
    }

    [Fact]
    public async Task A_wrong_secret_fails_the_providers_signature_check_and_is_permanent()
    {
        await using var wrongSecret = Services(_alibaba.Endpoint.ToString(), "not-the-secret");

        var result = await wrongSecret.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Single(_alibaba.SignatureMismatches);
        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Equal("SignatureDoesNotMatch", result.ErrorCode);
    }

    [Fact]
    public async Task Unreachable_provider_is_a_transient_failure()
    {
        await using var nobodyListening = Services($"http://127.0.0.1:{ClosedPort.Get()}/", AlibabaSmsStub.AccessKeySecret);

        var result = await nobodyListening.Sms.SendAsync(Reminder("13800138000"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal("ConnectionFailed", result.ErrorCode);
    }

    [Fact]
    public async Task Invalid_phone_number_is_a_permanent_failure_and_nothing_is_sent()
    {
        var result = await _services.Sms.SendAsync(Reminder("1380013800"), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Contains("'1380013800' is not a mainland mobile number", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(_alibaba.Requests);
    }

    internal static SmsMessage Reminder(params string[] numbers) =>
        new(numbers, "SMS_154950909", [new("compound", "阳光花园"), new("days", "5")], "notification-42");

    private static SenderServices Services(string endpoint, string secret) => new(new Dictionary<string, string?>
    {
        ["Sms:Provider"] = "Alibaba",
        ["Sms:Alibaba:AccessKeyId"] = AlibabaSmsStub.AccessKeyId,
        ["Sms:Alibaba:AccessKeySecret"] = secret,
        ["Sms:Alibaba:SignName"] = "某某区住建局",
        ["Sms:Alibaba:Endpoint"] = endpoint,
    });
}

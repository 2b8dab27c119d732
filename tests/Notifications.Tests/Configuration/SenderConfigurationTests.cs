using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflows.Host.Notifications.Senders;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Notifications.Tests.Configuration;

public sealed class SenderConfigurationTests
{
    [Fact]
    public async Task Defaults_need_no_configuration_and_only_log()
    {
        await using var services = new SenderServices(new Dictionary<string, string?>());

        services.ValidateAsOnStart();

        Assert.IsType<LogOnlyEmailSender>(services.Email);
        Assert.IsType<LogOnlySmsSender>(services.Sms);
        var smtp = services.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        Assert.Equal(25, smtp.Port);
        Assert.Equal(SmtpSecurity.StartTlsWhenAvailable, smtp.Security);
        Assert.Equal("物业管理工作平台", smtp.FromName);
        Assert.Equal(30, smtp.TimeoutSeconds);
        var alibaba = services.Services.GetRequiredService<IOptions<AlibabaSmsOptions>>().Value;
        Assert.Equal("https://dysmsapi.aliyuncs.com/", alibaba.Endpoint);
        Assert.Equal("cn-hangzhou", alibaba.RegionId);
        var tencent = services.Services.GetRequiredService<IOptions<TencentSmsOptions>>().Value;
        Assert.Equal("https://sms.tencentcloudapi.com/", tencent.Endpoint);
        Assert.Equal("ap-guangzhou", tencent.Region);
    }

    [Fact]
    public async Task Without_an_smtp_host_email_is_reported_not_sent_and_only_its_subject_is_logged()
    {
        await using var services = new SenderServices(new Dictionary<string, string?>());

        var result = await services.Email.SendAsync(new EmailMessage("wang@example.cn", "提醒", "投诉人王某某的投诉正文"), CancellationToken.None);

        Assert.Equal(SendStatus.NotSent, result.Status);
        Assert.False(result.Succeeded);
        var line = Assert.Single(services.Logs.Lines, l => l.StartsWith("Warning: Smtp:Host is not configured", StringComparison.Ordinal));
        Assert.Contains("提醒", line, StringComparison.Ordinal);
        Assert.Contains("w***@example.cn", line, StringComparison.Ordinal);
        Assert.DoesNotContain(services.Logs.Lines, l => l.Contains("投诉正文", StringComparison.Ordinal) || l.Contains("wang@example.cn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_smtp_disabled_email_is_reported_not_sent_even_with_a_host()
    {
        await using var services = new SenderServices(new Dictionary<string, string?>
        {
            ["Smtp:Disabled"] = "true", ["Smtp:Host"] = "127.0.0.1", ["Smtp:FromAddress"] = "noreply@example.cn",
        });

        var result = await services.Email.SendAsync(new EmailMessage("a@example.cn", "提醒", "正文"), CancellationToken.None);

        Assert.Equal(SendStatus.NotSent, result.Status);
        Assert.Equal(LogOnlyEmailSender.DisabledCode, result.ErrorCode);
    }

    [Theory]
    [InlineData("Smtp:Port", "0", "Smtp:Port must be between 1 and 65535")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port must be between 1 and 65535")]
    [InlineData("Smtp:TimeoutSeconds", "0", "Smtp:TimeoutSeconds must be between 1 and 600")]
    [InlineData("Smtp:FromAddress", "", "Smtp:FromAddress is required when Smtp:Host is set")]
    [InlineData("Smtp:FromAddress", "nobody", "Smtp:FromAddress 'nobody' is not an email address")]
    [InlineData("Smtp:Password", "secret", "Smtp:Password is set but Smtp:UserName is empty")]
    public async Task Invalid_smtp_setting_fails_start_naming_the_setting(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "smtp.example.cn",
            ["Smtp:FromAddress"] = "reminders@example.cn",
            [key] = value,
        };
        await using var services = new SenderServices(settings);

        var error = Assert.Throws<OptionsValidationException>(services.ValidateAsOnStart);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_smtp_security_fails_start_naming_the_setting()
    {
        await using var services = new SenderServices(new Dictionary<string, string?> { ["Smtp:Security"] = "Tls13" });

        var error = Assert.ThrowsAny<InvalidOperationException>(services.ValidateAsOnStart);

        Assert.Contains("Smtp:Security", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alibaba_provider_without_credentials_fails_start_naming_each_missing_setting()
    {
        await using var services = new SenderServices(new Dictionary<string, string?> { ["Sms:Provider"] = "Alibaba" });

        var error = Assert.Throws<OptionsValidationException>(services.ValidateAsOnStart);

        Assert.Contains("Sms:Alibaba:AccessKeyId is required when Sms:Provider is Alibaba", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sms:Alibaba:AccessKeySecret is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sms:Alibaba:SignName is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tencent_provider_without_sdk_app_id_fails_start_naming_the_setting()
    {
        await using var services = new SenderServices(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Tencent",
            ["Sms:Tencent:SecretId"] = "id",
            ["Sms:Tencent:SecretKey"] = "key",
            ["Sms:Tencent:SignName"] = "某某区住建局",
        });

        var error = Assert.Throws<OptionsValidationException>(services.ValidateAsOnStart);

        Assert.Contains("Sms:Tencent:SdkAppId is required when Sms:Provider is Tencent", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tencent_endpoint_that_is_not_a_URL_fails_start_naming_the_setting()
    {
        await using var services = new SenderServices(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Tencent",
            ["Sms:Tencent:SecretId"] = "id",
            ["Sms:Tencent:SecretKey"] = "key",
            ["Sms:Tencent:SdkAppId"] = "1400006666",
            ["Sms:Tencent:SignName"] = "某某区住建局",
            ["Sms:Tencent:Endpoint"] = "sms.tencentcloudapi.com",
        });

        var error = Assert.Throws<OptionsValidationException>(services.ValidateAsOnStart);

        Assert.Contains("Sms:Tencent:Endpoint must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_sms_provider_fails_start_naming_the_setting()
    {
        await using var services = new SenderServices(new Dictionary<string, string?> { ["Sms:Provider"] = "ChinaMobile" });

        var error = Assert.ThrowsAny<InvalidOperationException>(services.ValidateAsOnStart);

        Assert.Contains("Sms:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sections_of_providers_not_selected_are_not_checked()
    {
        await using var services = new SenderServices(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "LogOnly",
            ["Sms:Tencent:Endpoint"] = "not a url",
        });

        services.ValidateAsOnStart();
    }

    [Theory]
    [InlineData("Alibaba", typeof(AlibabaSmsSender))]
    [InlineData("Tencent", typeof(TencentSmsSender))]
    [InlineData("LogOnly", typeof(LogOnlySmsSender))]
    [InlineData("tencent", typeof(TencentSmsSender))]
    public async Task Sms_provider_setting_selects_the_sender(string provider, Type expected)
    {
        await using var services = new SenderServices(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = provider,
            ["Sms:Alibaba:AccessKeyId"] = "id",
            ["Sms:Alibaba:AccessKeySecret"] = "secret",
            ["Sms:Alibaba:SignName"] = "某某区住建局",
            ["Sms:Tencent:SecretId"] = "id",
            ["Sms:Tencent:SecretKey"] = "key",
            ["Sms:Tencent:SdkAppId"] = "1400006666",
            ["Sms:Tencent:SignName"] = "某某区住建局",
        });

        services.ValidateAsOnStart();

        Assert.IsType(expected, services.Sms);
    }

    [Fact]
    public async Task Smtp_host_selects_the_smtp_sender()
    {
        await using var services = new SenderServices(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "smtp.example.cn",
            ["Smtp:FromAddress"] = "reminders@example.cn",
        });

        services.ValidateAsOnStart();

        Assert.IsType<SmtpEmailSender>(services.Email);
    }
}

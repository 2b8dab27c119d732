using Microsoft.Extensions.Options;

namespace Workflows.Host.Notifications.Senders;

/// <summary>Which SMS provider <see cref="ISmsSender"/> uses.</summary>
public enum SmsProvider
{
    /// <summary>Write the SMS to the log and report success (the embedded default; nothing is sent).</summary>
    LogOnly,

    /// <summary>Alibaba Cloud SMS (dysmsapi), section <c>Sms:Alibaba</c>.</summary>
    Alibaba,

    /// <summary>Tencent Cloud SMS (API 3.0), section <c>Sms:Tencent</c>.</summary>
    Tencent,
}

/// <summary>Configuration section <c>Sms</c>.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary><c>LogOnly</c> (default), <c>Alibaba</c> or <c>Tencent</c>.</summary>
    public SmsProvider Provider { get; set; } = SmsProvider.LogOnly;
}

/// <summary>Configuration section <c>Sms:Alibaba</c>; read only when <c>Sms:Provider</c> is <c>Alibaba</c>.</summary>
public sealed class AlibabaSmsOptions
{
    public const string Section = "Sms:Alibaba";
    public const string DefaultEndpoint = "https://dysmsapi.aliyuncs.com/";
    public const string DefaultRegionId = "cn-hangzhou";
    public const int DefaultTimeoutSeconds = 10;

    /// <summary>The RAM user's AccessKey ID.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The AccessKey secret. A secret: environment variable or user secrets only.</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>The approved signature shown as 【…】 in the message, e.g. 某某区住建局.</summary>
    public string? SignName { get; set; }

    /// <summary>The API endpoint. Default https://dysmsapi.aliyuncs.com/.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>RegionId common parameter. Default cn-hangzhou.</summary>
    public string RegionId { get; set; } = DefaultRegionId;

    /// <summary>HTTP timeout of one request, in seconds. Default 10.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;
}

/// <summary>Configuration section <c>Sms:Tencent</c>; read only when <c>Sms:Provider</c> is <c>Tencent</c>.</summary>
public sealed class TencentSmsOptions
{
    public const string Section = "Sms:Tencent";
    public const string DefaultEndpoint = "https://sms.tencentcloudapi.com/";
    public const string DefaultRegion = "ap-guangzhou";
    public const int DefaultTimeoutSeconds = 10;

    /// <summary>The API key's SecretId.</summary>
    public string? SecretId { get; set; }

    /// <summary>The API key's SecretKey. A secret: environment variable or user secrets only.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The SMS application's SdkAppId, e.g. 1400006666.</summary>
    public string? SdkAppId { get; set; }

    /// <summary>The approved signature content, e.g. 某某区住建局.</summary>
    public string? SignName { get; set; }

    /// <summary>X-TC-Region. Default ap-guangzhou.</summary>
    public string Region { get; set; } = DefaultRegion;

    /// <summary>The API endpoint. Default https://sms.tencentcloudapi.com/.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>HTTP timeout of one request, in seconds. Default 10.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;
}

/// <summary>Checks the selected provider's section only: an unused provider may stay unconfigured.</summary>
internal sealed class AlibabaSmsOptionsValidator(IOptions<SmsOptions> sms) : IValidateOptions<AlibabaSmsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlibabaSmsOptions options)
    {
        if (sms.Value.Provider != SmsProvider.Alibaba) return ValidateOptionsResult.Skip;
        var errors = new List<string>();
        ProviderChecks.Required(errors, AlibabaSmsOptions.Section, nameof(options.AccessKeyId), options.AccessKeyId);
        ProviderChecks.Required(errors, AlibabaSmsOptions.Section, nameof(options.AccessKeySecret), options.AccessKeySecret);
        ProviderChecks.Required(errors, AlibabaSmsOptions.Section, nameof(options.SignName), options.SignName);
        ProviderChecks.Required(errors, AlibabaSmsOptions.Section, nameof(options.RegionId), options.RegionId);
        ProviderChecks.Endpoint(errors, AlibabaSmsOptions.Section, options.Endpoint);
        ProviderChecks.Timeout(errors, AlibabaSmsOptions.Section, options.TimeoutSeconds);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class TencentSmsOptionsValidator(IOptions<SmsOptions> sms) : IValidateOptions<TencentSmsOptions>
{
    public ValidateOptionsResult Validate(string? name, TencentSmsOptions options)
    {
        if (sms.Value.Provider != SmsProvider.Tencent) return ValidateOptionsResult.Skip;
        var errors = new List<string>();
        ProviderChecks.Required(errors, TencentSmsOptions.Section, nameof(options.SecretId), options.SecretId);
        ProviderChecks.Required(errors, TencentSmsOptions.Section, nameof(options.SecretKey), options.SecretKey);
        ProviderChecks.Required(errors, TencentSmsOptions.Section, nameof(options.SdkAppId), options.SdkAppId);
        ProviderChecks.Required(errors, TencentSmsOptions.Section, nameof(options.SignName), options.SignName);
        ProviderChecks.Required(errors, TencentSmsOptions.Section, nameof(options.Region), options.Region);
        ProviderChecks.Endpoint(errors, TencentSmsOptions.Section, options.Endpoint);
        ProviderChecks.Timeout(errors, TencentSmsOptions.Section, options.TimeoutSeconds);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options) =>
        Enum.IsDefined(options.Provider)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Sms:Provider must be LogOnly, Alibaba or Tencent.");
}

internal static class ProviderChecks
{
    public static void Required(List<string> errors, string section, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"{section}:{key} is required when Sms:Provider is {section[(section.IndexOf(':', StringComparison.Ordinal) + 1)..]}.");
    }

    public static void Endpoint(List<string> errors, string section, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            errors.Add($"{section}:Endpoint must be an absolute http(s) URL (was '{value}').");
    }

    public static void Timeout(List<string> errors, string section, int seconds)
    {
        if (seconds is < 1 or > 120)
            errors.Add($"{section}:TimeoutSeconds must be between 1 and 120 (was {seconds}).");
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Notifications.Senders;

public static class SendersSetup
{
    /// <summary>
    /// <see cref="IEmailSender"/> (SMTP through MailKit, or NotSent without <c>Smtp:Host</c> or with <c>Smtp:Disabled</c>) and
    /// <see cref="ISmsSender"/> (chosen by <c>Sms:Provider</c>), with their options bound and validated at start.
    /// </summary>
    public static IServiceCollection AddMessageSenders(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<INonceSource, GuidNonceSource>();

        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        // The environment is optional so that the senders can be composed outside a host (their tests).
        services.AddSingleton<IValidateOptions<SmtpOptions>>(sp => new SmtpOptionsValidator(sp.GetService<IHostEnvironment>()));
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<EmailDeliveryStatus>();
        services.TryAddSingleton<LogOnlyEmailSender>();
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value.SendsEmail
            ? sp.GetRequiredService<SmtpEmailSender>()
            : sp.GetRequiredService<LogOnlyEmailSender>());

        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section)).ValidateOnStart();
        services.AddOptions<AlibabaSmsOptions>().Bind(configuration.GetSection(AlibabaSmsOptions.Section)).ValidateOnStart();
        services.AddOptions<TencentSmsOptions>().Bind(configuration.GetSection(TencentSmsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();
        services.AddSingleton<IValidateOptions<AlibabaSmsOptions>, AlibabaSmsOptionsValidator>();
        services.AddSingleton<IValidateOptions<TencentSmsOptions>, TencentSmsOptionsValidator>();

        services.AddHttpClient<AlibabaSmsSender>((sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AlibabaSmsOptions>>().Value.TimeoutSeconds));
        services.AddHttpClient<TencentSmsSender>((sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TencentSmsOptions>>().Value.TimeoutSeconds));
        services.TryAddSingleton<LogOnlySmsSender>();
        // Transient because the typed HTTP clients are: the factory hands out a fresh HttpClient over pooled handlers.
        services.TryAddTransient<ISmsSender>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.Provider switch
        {
            SmsProvider.Alibaba => sp.GetRequiredService<AlibabaSmsSender>(),
            SmsProvider.Tencent => sp.GetRequiredService<TencentSmsSender>(),
            _ => sp.GetRequiredService<LogOnlySmsSender>(),
        });
        return services;
    }
}

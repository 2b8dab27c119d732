using MailKit.Net.Smtp;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Workflows.Host.Notifications.Senders;

namespace Workflows.Host.Operations.Health;

/// <summary>
/// The SMTP server greets us (connect, TLS as configured, QUIT; no login, no mail). Registered with Degraded as its
/// failure: mail waits in the outbox and is retried, so the service stays in the balancer.
/// </summary>
internal sealed class SmtpHealthCheck(IOptionsMonitor<SmtpOptions> options) : IHealthCheck
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly ReachabilityCache _cache = new();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        if (!settings.SendsEmail)
            return Task.FromResult(HealthCheckResult.Healthy("未配置邮件服务器，邮件仅记录日志 / no SMTP server: email is logged only"));
        return _cache.GetAsync(async () =>
        {
            var target = $"{settings.Host}:{settings.Port}";
            try
            {
                using var client = new SmtpClient { Timeout = (int)ProbeTimeout.TotalMilliseconds };
                using var timeout = new CancellationTokenSource(ProbeTimeout);
                await client.ConnectAsync(settings.Host!, settings.Port, SmtpEmailSender.ToMailKit(settings.Security), timeout.Token);
                await client.DisconnectAsync(quit: true, timeout.Token);
                return HealthCheckResult.Healthy($"邮件服务器可达 / SMTP server {target} reachable");
            }
            catch (Exception ex)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"邮件服务器不可达 / SMTP server {target} unreachable", ex);
            }
        });
    }
}

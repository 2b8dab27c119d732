using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Workflows.Host.Notifications.Senders;

namespace Workflows.Host.Operations.Health;

/// <summary>
/// The SMS provider's API endpoint accepts a TCP connection (no request is signed or sent: that would cost money).
/// Degraded on failure, like SMTP: messages wait in the outbox.
/// </summary>
internal sealed class SmsHealthCheck(IOptionsMonitor<SmsOptions> sms, IOptionsMonitor<AlibabaSmsOptions> alibaba, IOptionsMonitor<TencentSmsOptions> tencent) : IHealthCheck
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly ReachabilityCache _cache = new();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = sms.CurrentValue.Provider;
        var endpoint = provider switch
        {
            SmsProvider.Alibaba => alibaba.CurrentValue.Endpoint,
            SmsProvider.Tencent => tencent.CurrentValue.Endpoint,
            _ => null,
        };
        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            return Task.FromResult(HealthCheckResult.Healthy("短信仅记录日志 / SMS is logged only"));
        return _cache.GetAsync(async () =>
        {
            var target = $"{uri.Host}:{uri.Port}";
            try
            {
                using var timeout = new CancellationTokenSource(ProbeTimeout);
                using var socket = new TcpClient();
                await socket.ConnectAsync(uri.Host, uri.Port, timeout.Token);
                return HealthCheckResult.Healthy($"短信服务商可达 / {provider} endpoint {target} reachable");
            }
            catch (Exception ex)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"短信服务商不可达 / {provider} endpoint {target} unreachable", ex);
            }
        });
    }
}

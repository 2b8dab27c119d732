using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workflows.Host.Diagnostics;
using Workflows.Host.Scheduling;

namespace Workflows.Host.Operations.Health;

/// <summary>This process's Hangfire server has announced itself and its heartbeat is recent.</summary>
internal sealed class SchedulerHealthCheck(ReadinessState readiness, JobStorage storage) : IHealthCheck
{
    /// <summary>Hangfire beats every 30 s; a server silent for four beats is stuck (or its storage is).</summary>
    public static readonly TimeSpan MaximumHeartbeatAge = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Before the start-up tasks, a cluster's Hangfire tables may not exist yet.
        if (!readiness.StartupComplete)
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "调度器未启动 / scheduler not started"));
        try
        {
            var server = storage.GetMonitoringApi().Servers()
                .FirstOrDefault(s => s.Name.StartsWith(SchedulingSetup.ServerName, StringComparison.OrdinalIgnoreCase));
            if (server is null)
                return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "本进程的调度器未注册 / this process's scheduler is not registered"));
            // Hangfire stores its heartbeats in UTC by the wall clock, whatever the service clock says.
            var age = server.Heartbeat is { } beat ? DateTime.UtcNow - beat : TimeSpan.MaxValue;
            var data = new Dictionary<string, object> { ["server"] = server.Name, ["workers"] = server.WorkersCount };
            return Task.FromResult(age <= MaximumHeartbeatAge
                ? HealthCheckResult.Healthy("调度器运行中 / scheduler running", data)
                : new HealthCheckResult(context.Registration.FailureStatus, $"调度器心跳已停止 / no heartbeat for {age:g}", data: data));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "调度器存储不可用 / scheduler storage unreachable", ex));
        }
    }
}

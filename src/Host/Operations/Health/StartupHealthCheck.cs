using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workflows.Host.Diagnostics;

namespace Workflows.Host.Operations.Health;

/// <summary>Unhealthy until the start-up tasks are done: database migrated, definitions imported, timers rescheduled.</summary>
internal sealed class StartupHealthCheck(ReadinessState readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["migrated"] = readiness.Migrated,
            ["definitionsImported"] = readiness.DefinitionsImported,
            ["jobsRecovered"] = readiness.JobsRecovered,
        };
        return Task.FromResult(readiness.StartupComplete
            ? HealthCheckResult.Healthy("数据库已迁移，流程定义已导入 / migrated, definitions imported", data)
            : new HealthCheckResult(context.Registration.FailureStatus, "正在启动 / starting", data: data));
    }
}

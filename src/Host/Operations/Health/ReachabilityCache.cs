using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workflows.Host.Operations.Health;

/// <summary>
/// Remembers a probe of an outside server for a short while, so a load balancer asking every few seconds does not
/// open a connection to the mail server or the SMS provider each time. Callers arriving during a probe share it.
/// The probe runs on its own timeout, not a caller's cancellation, since later callers reuse its outcome.
/// Wall clock: the rehearsal clock jumps days.
/// </summary>
internal sealed class ReachabilityCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private (DateTimeOffset At, Task<HealthCheckResult> Result)? _last;

    public Task<HealthCheckResult> GetAsync(Func<Task<HealthCheckResult>> probe)
    {
        lock (_gate)
        {
            var now = TimeProvider.System.GetUtcNow();
            if (_last is { } last && (!last.Result.IsCompleted || now - last.At < Lifetime))
                return last.Result;
            var result = probe();
            _last = (now, result);
            return result;
        }
    }
}

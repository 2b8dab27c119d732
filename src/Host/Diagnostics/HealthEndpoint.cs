using Hangfire;

namespace Workflows.Host.Diagnostics;

internal static class HealthEndpoint
{
    /// <summary>200 once the database is migrated and a Hangfire server of this process is running; 503 before.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", (ReadinessState readiness, JobStorage storage) =>
        {
            var serverName = $"{Environment.MachineName}:{Environment.ProcessId}".ToLowerInvariant();
            // Before the start-up tasks are done, a cluster's Hangfire tables may not exist yet.
            var hangfire = readiness.DatabaseReady && storage.GetMonitoringApi().Servers()
                .Any(s => s.Name.StartsWith(serverName, StringComparison.OrdinalIgnoreCase));
            var body = new { status = readiness.DatabaseReady && hangfire ? "Healthy" : "Starting", database = readiness.DatabaseReady, scheduler = hangfire };
            return readiness.DatabaseReady && hangfire ? Results.Ok(body) : Results.Json(body, statusCode: 503);
        }).AllowAnonymous();
}

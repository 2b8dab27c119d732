using Hangfire;
using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.Scheduling;

public static class SchedulingSetup
{
    /// <summary>
    /// Hangfire with in-memory storage (embedded mode: the database's timer rows are the truth, and jobs are
    /// rebuilt from them at start-up) or PostgreSQL storage (cluster mode: shared by every host).
    /// </summary>
    public static IServiceCollection AddWorkflowsScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        // The container owns the storage (Hangfire's AddHangfire only adds its own when none is registered), so
        // every component of this host uses this instance whatever another host in the same process (tests)
        // left in the static JobStorage.Current.
        services.AddSingleton<JobStorage>(sp => HangfireStorage.Create(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<IOptions<SchedulingOptions>>().Value));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddScoped<TimerFiring>();
        services.AddScoped<TimerJobs>();
        services.AddSingleton<TimerRecovery>();
        services.AddSingleton<IRunCommittedObserver, TimerScheduler>();
        return services;
    }

    /// <summary>This process's Hangfire server name (Hangfire appends a unique suffix and stores it in lower case).</summary>
    public static string ServerName { get; } = $"{Environment.MachineName}:{Environment.ProcessId}".ToLowerInvariant();

    /// <summary>The Hangfire server; registered after the start-up tasks so jobs run only on a migrated database.</summary>
    public static IServiceCollection AddWorkflowsSchedulingServer(this IServiceCollection services)
    {
        services.AddHangfireServer((sp, server) =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value;
            server.SchedulePollingInterval = TimeSpan.FromMilliseconds(options.PollingIntervalMilliseconds);
            server.WorkerCount = options.WorkerCount;
            server.ServerName = ServerName;
        });
        return services;
    }
}

internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        var errors = new List<string>();
        if (options.PollingIntervalMilliseconds is < 100 or > 60_000)
            errors.Add("Scheduling:PollingIntervalMilliseconds must be between 100 and 60000.");
        if (options.WorkerCount is < 1 or > 64)
            errors.Add("Scheduling:WorkerCount must be between 1 and 64.");
        // Hangfire checks the expression itself when the job is registered; this catches the obvious mistake early.
        var fields = options.SweepCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
            errors.Add($"Scheduling:SweepCron '{options.SweepCron}' is not a cron expression (5 or 6 fields expected).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

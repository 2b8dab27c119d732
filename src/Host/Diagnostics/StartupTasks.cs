using Workflows.Host.Definitions;
using Workflows.Host.Notifications;
using Workflows.Host.Persistence;
using Workflows.Host.Scheduling;

namespace Workflows.Host.Diagnostics;

/// <summary>
/// Runs before the Hangfire server starts: migrate the database, import <c>definitions/</c>, reschedule
/// pending timers. Health turns green only after all three.
/// </summary>
internal sealed class StartupTasks(IServiceScopeFactory scopes, TimerRecovery timers, NotificationRecovery notifications, ReadinessState readiness, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            await PersistenceSetup.MigrateAsync(db, cancellationToken);
            readiness.Migrated = true;
            logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
            await scope.ServiceProvider.GetRequiredService<DefinitionFolderImporter>().ImportAsync(cancellationToken);
            readiness.DefinitionsImported = true;
        }
        await timers.RecoverAsync(cancellationToken);
        await notifications.RecoverAsync(cancellationToken);
        readiness.JobsRecovered = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>How far the start-up tasks got; read by the readiness health checks.</summary>
public sealed class ReadinessState
{
    private volatile bool _migrated;
    private volatile bool _definitionsImported;
    private volatile bool _jobsRecovered;

    public bool Migrated
    {
        get => _migrated;
        set => _migrated = value;
    }

    public bool DefinitionsImported
    {
        get => _definitionsImported;
        set => _definitionsImported = value;
    }

    /// <summary>Pending timers and messages handed to Hangfire again, the recurring sweeps registered.</summary>
    public bool JobsRecovered
    {
        get => _jobsRecovered;
        set => _jobsRecovered = value;
    }

    public bool StartupComplete => Migrated && DefinitionsImported && JobsRecovered;
}

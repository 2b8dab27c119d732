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
            logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
            await scope.ServiceProvider.GetRequiredService<DefinitionFolderImporter>().ImportAsync(cancellationToken);
        }
        await timers.RecoverAsync(cancellationToken);
        await notifications.RecoverAsync(cancellationToken);
        readiness.DatabaseReady = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class ReadinessState
{
    private volatile bool _databaseReady;

    public bool DatabaseReady
    {
        get => _databaseReady;
        set => _databaseReady = value;
    }
}

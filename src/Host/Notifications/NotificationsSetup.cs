using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Notifications.Templates;
using Workflows.Host.Persistence;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// The outbox dispatcher with retries and the attempts log, deadline reminders, message templates and their
    /// options (section <c>Notifications</c>, validated at start). The senders come from <c>AddMessageSenders</c>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<OutboxJobQueue>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<NotificationSweep>();
        services.AddScoped<NotificationJobs>();
        services.AddScoped<ReminderFiring>();
        services.AddSingleton<ReminderPlanner>();
        services.AddScoped<TemplateStore>();
        services.AddScoped<MessageComposer>();
        services.AddSingleton<NotificationRecovery>();
        services.AddScoped<Admin.DeliveryLog>();
        services.TryAddScoped<Admin.INotificationAudit, Admin.AuditLogNotificationAudit>();
        services.AddSingleton<IEffectWriter, ReminderEffectWriter>();
        services.AddSingleton<IReminderSource, PropertyManagementReminders>();
        services.AddSingleton<IRunCommittedObserver, OutboxEnqueuer>();
        return services;
    }
}

/// <summary>
/// On start-up: registers the sweep, sweeps once at once, and (with in-memory Hangfire, whose jobs died with the last
/// process while the rows did not) wakes every pending reminder and every message waiting for a retry.
/// </summary>
internal sealed class NotificationRecovery(IServiceScopeFactory scopes, OutboxJobQueue queue, IBackgroundJobClient jobs,
    IRecurringJobManager recurring, IOptions<NotificationOptions> options, IOptions<DatabaseOptions> database, ILogger<NotificationRecovery> logger)
{
    public async Task RecoverAsync(CancellationToken ct)
    {
        recurring.AddOrUpdate<NotificationJobs>(NotificationJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), options.Value.SweepCron);
        // Everything already due (and any claim left by a crashed process) goes through the sweep now.
        jobs.Enqueue<NotificationJobs>(j => j.SweepAsync(CancellationToken.None));
        // Cluster: the jobs live in the shared storage and survive any host, so waking every row again on each host's
        // start would only pile up duplicates; whatever lost its job is found by the sweep.
        if (database.Value.IsPostgreSql) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var reminders = 0;
        await foreach (var r in db.Reminders.Where(r => r.Status == ReminderStatus.Pending).Select(r => new { r.Id, r.DueAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            queue.ScheduleReminder(r.Id, r.DueAt);
            reminders++;
        }
        var messages = 0;
        await foreach (var m in db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt != null)
                           .Select(m => new { m.Id, m.NextAttemptAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            queue.Schedule(m.Id, m.NextAttemptAt!.Value);
            messages++;
        }
        logger.LogInformation("Rescheduled {Reminders} pending reminders and {Messages} messages waiting for a retry", reminders, messages);
    }
}

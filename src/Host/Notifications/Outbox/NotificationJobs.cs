using Hangfire;
using Workflows.Host.Notifications.Reminders;

namespace Workflows.Host.Notifications.Outbox;

/// <summary>The Hangfire jobs of notifications: send one message, fire one reminder, and the sweep.</summary>
public sealed class NotificationJobs(OutboxDispatcher dispatcher, ReminderFiring reminders, NotificationSweep sweep)
{
    public const string SweepJobId = "notifications-sweep";

    // The message row counts its own attempts and schedules its retries; a Hangfire retry would only duplicate that.
    [AutomaticRetry(Attempts = 0)]
    public Task SendAsync(string messageId, CancellationToken ct) => dispatcher.DispatchAsync(messageId, ct);

    [AutomaticRetry(Attempts = 3)]
    public Task FireReminderAsync(string reminderId, CancellationToken ct) => reminders.FireAsync(reminderId, ct);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken ct) => sweep.RunAsync(ct);
}

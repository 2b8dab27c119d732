using Hangfire;

namespace Workflows.Host.Notifications.Outbox;

/// <summary>
/// Hands outbox messages to Hangfire. A job is only a wake-up call: the row decides whether anything is sent, so
/// an extra job is harmless and a lost one is found by the sweep.
/// </summary>
public sealed class OutboxJobQueue(IBackgroundJobClient jobs, TimeProvider clock)
{
    public void Enqueue(string messageId) => jobs.Enqueue<NotificationJobs>(j => j.SendAsync(messageId, CancellationToken.None));

    /// <summary>Wakes the message at <paramref name="at"/> by the service's clock (Hangfire waits on the real one).</summary>
    public void Schedule(string messageId, DateTimeOffset at)
    {
        var delay = at - clock.GetUtcNow();
        if (delay <= TimeSpan.Zero) Enqueue(messageId);
        else jobs.Schedule<NotificationJobs>(j => j.SendAsync(messageId, CancellationToken.None), delay);
    }

    public void ScheduleReminder(string reminderId, DateTimeOffset at)
    {
        var delay = at - clock.GetUtcNow();
        jobs.Schedule<NotificationJobs>(j => j.FireReminderAsync(reminderId, CancellationToken.None), delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
    }
}

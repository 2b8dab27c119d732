using Microsoft.EntityFrameworkCore;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Persistence;

namespace Workflows.Host.Notifications;

/// <summary>
/// Recovers what a lost job would have done: fires every due reminder, then queues every message that is due
/// (Pending and past its next attempt) or abandoned (Sending with an expired lease). Runs every minute, on start,
/// and when the rehearsal clock moves.
/// </summary>
public sealed class NotificationSweep(WorkflowsDbContext db, ReminderFiring reminders, OutboxJobQueue queue, TimeProvider clock)
{
    private const int BatchSize = 500;

    public async Task<SweepResult> RunAsync(CancellationToken ct = default)
    {
        var fired = await reminders.FireDueAsync(ct);
        var now = clock.GetUtcNow();
        var wall = OutboxDispatcher.LeaseClock.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                        || (m.Status == OutboxStatus.Sending && m.LeaseUntil < wall))
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var id in due)
            queue.Enqueue(id);
        return new SweepResult(fired, due.Count);
    }
}

public sealed record SweepResult(int RemindersFired, int MessagesQueued);

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

    /// <summary>Fires every due reminder and queues every due or abandoned message, batch after batch until none is left.</summary>
    public async Task<SweepResult> RunAsync(CancellationToken ct = default)
    {
        var fired = await reminders.FireDueAsync(ct);
        var now = clock.GetUtcNow();
        var wall = OutboxDispatcher.LeaseClock.GetUtcNow();
        var due = db.Outbox.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                        || (m.Status == OutboxStatus.Sending && m.LeaseUntil < wall));
        // Queued messages stay due until a worker claims them, so paging is by id, not by "still due".
        var queued = 0;
        var afterId = "";
        while (true)
        {
            var batch = await due.Where(m => string.Compare(m.Id, afterId) > 0).OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
            foreach (var id in batch)
                queue.Enqueue(id);
            queued += batch.Count;
            if (batch.Count < BatchSize) return new SweepResult(fired, queued);
            afterId = batch[^1];
        }
    }
}

public sealed record SweepResult(int RemindersFired, int MessagesQueued);

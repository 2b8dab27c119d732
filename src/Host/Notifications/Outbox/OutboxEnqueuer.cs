using Microsoft.EntityFrameworkCore;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Persistence;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.Notifications.Outbox;

/// <summary>
/// After a run burst is committed: queues a send job for each message the burst put in the outbox, and a wake-up
/// job for each reminder it planned. A crash before this runs loses only the jobs; the sweep finds the rows.
/// </summary>
internal sealed class OutboxEnqueuer(IServiceScopeFactory scopes, OutboxJobQueue queue) : IRunCommittedObserver
{
    public async Task OnCommittedAsync(RunResult result, CancellationToken ct)
    {
        if (result.Effects.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var instanceId = result.State.Id;
        // Rows of this burst carry the save's clock reading, which is never earlier than the burst's own.
        var since = result.State.UpdatedAt;
        var messages = await db.Outbox.AsNoTracking()
            .Where(m => m.InstanceId == instanceId && m.Status == OutboxStatus.Pending && m.Attempts == 0 && m.CreatedAt >= since)
            .Select(m => m.Id).ToListAsync(ct);
        foreach (var id in messages)
            queue.Enqueue(id);
        var reminders = await db.Reminders.AsNoTracking()
            .Where(r => r.InstanceId == instanceId && r.Status == ReminderStatus.Pending && r.CreatedAt >= since)
            .Select(r => new { r.Id, r.DueAt }).ToListAsync(ct);
        foreach (var reminder in reminders)
            queue.ScheduleReminder(reminder.Id, reminder.DueAt);
    }
}

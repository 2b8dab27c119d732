using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.Notifications.Reminders;

/// <summary>
/// Plans a deadline's reminders when it opens and cancels the pending ones (and their undelivered messages) when
/// it closes, in the transaction of the run that opened or closed it.
/// </summary>
internal sealed class ReminderEffectWriter(IEnumerable<IReminderSource> sources, ReminderPlanner planner) : IEffectWriter
{
    public bool CanWrite(object effect) => effect is DeadlineOpened or DeadlineClosed || sources.Any(s => s.Handles(effect));

    public async Task WriteAsync(WorkflowsDbContext db, object effect, DateTimeOffset now, CancellationToken ct)
    {
        IReadOnlyList<object> mapped = effect is DeadlineOpened or DeadlineClosed ? [effect] : [];
        foreach (var source in sources.Where(s => s.Handles(effect)))
            mapped = [.. mapped, .. await source.MapAsync(db, effect, ct)];
        foreach (var item in mapped)
        {
            switch (item)
            {
                case DeadlineOpened opened:
                    await OpenAsync(db, opened, now, ct);
                    break;
                case DeadlineClosed closed:
                    await CloseAsync(db, closed, now, ct);
                    break;
            }
        }
    }

    private async Task OpenAsync(WorkflowsDbContext db, DeadlineOpened opened, DateTimeOffset now, CancellationToken ct)
    {
        var rows = planner.Plan(opened, now);
        var keys = rows.Select(r => r.Key).ToList();
        // A retried burst may plan the same deadline again; the unique key keeps one row per stage.
        var existing = await db.Reminders.Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct);
        db.Reminders.AddRange(rows.Where(r => !existing.Contains(r.Key)));
    }

    private static async Task CloseAsync(WorkflowsDbContext db, DeadlineClosed closed, DateTimeOffset now, CancellationToken ct)
    {
        await db.Reminders
            .Where(r => r.SubjectKind == closed.SubjectKind && r.SubjectId == closed.SubjectId && r.Status == ReminderStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Cancelled).SetProperty(r => r.CancelledAt, now), ct);
        // A reminder that fired but is still waiting for a retry would now remind of something already done.
        var reason = $"已撤销：{closed.Reason}";
        await db.Outbox
            .Where(m => m.SubjectId == closed.SubjectId && m.Stage != null && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled).SetProperty(m => m.LastError, reason), ct);
    }
}

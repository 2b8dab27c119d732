using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.Scheduling;

/// <summary>
/// Fires timers: resumes the timer's bookmark. Called by the timer's Hangfire job, by the sweep, and by the
/// rehearsal clock. Firing twice has one effect: the resume's transaction moves the timer out of Pending
/// conditionally, and a second firing finds the bookmark gone.
/// </summary>
public sealed class TimerFiring(WorkflowsDbContext db, WorkflowRuntime runtime, TimeProvider clock, ILogger<TimerFiring> logger)
{
    /// <summary>Fires one timer if it is due and pending. Returns true when this call resumed it.</summary>
    public async Task<bool> FireAsync(string timerId, CancellationToken ct = default)
    {
        var timer = await db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.BookmarkId == timerId, ct);
        if (timer is null || timer.Status != TimerStatus.Pending || timer.DueAt > clock.GetUtcNow())
            return false;
        try
        {
            await runtime.ResumeAsync(timer.InstanceId, timer.BookmarkId, input: null, ct);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            // Still pending if nobody fired it: the next sweep tries again.
            logger.LogWarning("Timer {TimerId} of {WorkflowInstanceId} met repeated concurrent changes; left for the next sweep", timerId, timer.InstanceId);
            return false;
        }
        catch (Exception ex) when (ex is BookmarkNotFoundException or InstanceNotFoundException)
        {
            logger.LogInformation("Timer {TimerId} of {WorkflowInstanceId} was already handled: {Reason}", timerId, timer.InstanceId, ex.Message);
            await db.Timers.Where(t => t.BookmarkId == timerId && t.Status == TimerStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled), ct);
            return false;
        }
    }

    /// <summary>Fires every pending timer that is due, oldest first. Returns how many were fired.</summary>
    public async Task<int> FireDueAsync(CancellationToken ct = default)
    {
        var fired = 0;
        // Firing can make new timers due at once (a chain of short delays), so look again until none is left.
        while (true)
        {
            var now = clock.GetUtcNow();
            var due = await db.Timers.AsNoTracking()
                .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now)
                .OrderBy(t => t.DueAt).Select(t => t.BookmarkId).Take(500).ToListAsync(ct);
            if (due.Count == 0) return fired;
            var progress = 0;
            foreach (var id in due)
            {
                if (await FireAsync(id, ct)) progress++;
            }
            fired += progress;
            if (progress == 0) return fired;
        }
    }
}

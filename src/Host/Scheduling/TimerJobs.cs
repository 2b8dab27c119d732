using Microsoft.EntityFrameworkCore;
using Hangfire;
using Workflows.Host.Persistence;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.Scheduling;

/// <summary>The Hangfire jobs: one per timer, and the sweep.</summary>
public sealed class TimerJobs(TimerFiring firing)
{
    public const string SweepJobId = "timers-sweep";

    [AutomaticRetry(Attempts = 5)]
    public Task FireAsync(string timerId) => firing.FireAsync(timerId);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync() => firing.FireDueAsync();
}

/// <summary>After a run is committed, each new timer gets a Hangfire delayed job that wakes it at its due time.</summary>
internal sealed class TimerScheduler(IBackgroundJobClient jobs, TimeProvider clock) : IRunCommittedObserver
{
    public Task OnCommittedAsync(RunResult result, CancellationToken ct)
    {
        foreach (var bookmark in result.AddedBookmarks)
        {
            if (bookmark.ResumeAt is { } due)
                Schedule(jobs, bookmark.Id, due, clock);
        }
        return Task.CompletedTask;
    }

    internal static void Schedule(IBackgroundJobClient jobs, string timerId, DateTimeOffset due, TimeProvider clock)
    {
        var delay = due - clock.GetUtcNow();
        jobs.Schedule<TimerJobs>(j => j.FireAsync(timerId), delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
    }
}

/// <summary>
/// On start-up, every pending timer is scheduled again: with in-memory Hangfire storage the jobs died with
/// the last process, but the timer rows did not.
/// </summary>
internal sealed class TimerRecovery(IServiceScopeFactory scopes, IBackgroundJobClient jobs, IRecurringJobManager recurring,
    TimeProvider clock, Microsoft.Extensions.Options.IOptions<SchedulingOptions> options, ILogger<TimerRecovery> logger)
{
    public async Task RecoverAsync(CancellationToken ct)
    {
        recurring.AddOrUpdate<TimerJobs>(TimerJobs.SweepJobId, j => j.SweepAsync(), options.Value.SweepCron);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var pending = db.Timers.Where(t => t.Status == TimerStatus.Pending).Select(t => new { t.BookmarkId, t.DueAt }).AsAsyncEnumerable();
        var count = 0;
        await foreach (var timer in pending.WithCancellation(ct))
        {
            TimerScheduler.Schedule(jobs, timer.BookmarkId, timer.DueAt, clock);
            count++;
        }
        logger.LogInformation("Rescheduled {Count} pending timers", count);
    }
}

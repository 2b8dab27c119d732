using Microsoft.EntityFrameworkCore;
using Hangfire;
using Microsoft.Extensions.Options;
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
/// On start-up (before this host's Hangfire server starts), the sweep is registered and, with in-memory Hangfire
/// storage, every pending timer is scheduled again: the jobs died with the last process, but the timer rows did not.
/// </summary>
internal sealed class TimerRecovery(IServiceScopeFactory scopes, IBackgroundJobClient jobs, IRecurringJobManager recurring,
    TimeProvider clock, IOptions<SchedulingOptions> options, IOptions<DatabaseOptions> database, ILogger<TimerRecovery> logger)
{
    public async Task RecoverAsync(CancellationToken ct)
    {
        if (database.Value.IsPostgreSql)
            await HangfireStorage.InstallSchemaAsync(database.Value.ConnectionString, ct);
        // Every host registers it; AddOrUpdate under one id keeps a single recurring job, and its
        // DisableConcurrentExecution lock keeps two sweeps from overlapping across hosts.
        recurring.AddOrUpdate<TimerJobs>(TimerJobs.SweepJobId, j => j.SweepAsync(), options.Value.SweepCron);
        if (database.Value.IsPostgreSql)
        {
            // Cluster: the jobs live in the shared storage and survive any host, so scheduling every pending timer
            // again on each host's start would only pile up duplicates. A timer whose job never got written (a host
            // died between commit and scheduling) is fired by the sweep.
            return;
        }
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

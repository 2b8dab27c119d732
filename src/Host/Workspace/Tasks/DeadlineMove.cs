using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Persistence;
using Workflows.Host.Scheduling;
using Workflows.PropertyManagement.Activities;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>
/// Moves what counts down to a task's due date when an extension is approved: the overdue timer (the bookmark in the
/// instance state, its row and its timer row) and the pending reminders. Call inside the transaction that saves the
/// task; then <see cref="Wake"/> after the commit so that the scheduler wakes at the new instants.
/// </summary>
internal sealed class DeadlineMove(WorkflowsDbContext db, IEnumerable<IReminderSource> sources, ReminderPlanner planner,
    IBackgroundJobClient jobs, OutboxJobQueue reminderJobs, TimeProvider clock)
{
    /// <summary>The key of the task id in the bookmark payload (set by the task activities when they open a task).</summary>
    private const string TaskIdKey = "taskId";

    private readonly List<(string TimerId, DateTimeOffset At)> _timers = [];
    private readonly List<(string ReminderId, DateTimeOffset At)> _reminders = [];

    public async Task MoveAsync(OfficerTask task, DateTimeOffset newDueAt, CancellationToken ct)
    {
        await MoveTimerAsync(task, newDueAt, ct);
        await ReplanRemindersAsync(task, ct);
    }

    /// <summary>
    /// A task that opened without a due date (its year had no holiday data) got one: it gets the overdue timer its
    /// activity would have set (a bookmark beside the task's own, its row and its timer row) and its reminders.
    /// </summary>
    public async Task StartAsync(OfficerTask task, DateTimeOffset dueAt, CancellationToken ct)
    {
        await AddTimerAsync(task, dueAt, ct);
        await ReplanRemindersAsync(task, ct);
    }

    /// <summary>The old wake-up jobs find their rows not yet due and do nothing; these wake at the new instants.</summary>
    public void Wake()
    {
        foreach (var (id, at) in _timers) TimerScheduler.Schedule(jobs, id, at, clock);
        foreach (var (id, at) in _reminders) reminderJobs.ScheduleReminder(id, at);
    }

    private async Task MoveTimerAsync(OfficerTask task, DateTimeOffset newDueAt, CancellationToken ct)
    {
        var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == task.WorkflowInstanceId, ct);
        if (instance is null) return;
        var state = EfInstanceStore.ReadState(instance.StateJson);
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Name == PmActivities.OverdueBookmark
            && b.Payload?[TaskIdKey]?.GetValue<string>() == task.Id);
        if (bookmark is null) return;
        bookmark.ResumeAt = newDueAt;
        if (bookmark.Payload is { } payload) payload["dueAt"] = newDueAt.ToString("O", CultureInfo.InvariantCulture);
        instance.StateJson = JsonSerializer.Serialize(state, DefinitionJson.Options);
        // The revision is the instance's concurrency token: a run saving meanwhile makes one of the two fail and retry.
        instance.Revision++;
        var utc = newDueAt.ToUniversalTime();
        await db.Bookmarks.Where(b => b.Id == bookmark.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ResumeAt, utc), ct);
        await db.Timers.Where(t => t.BookmarkId == bookmark.Id && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, utc), ct);
        _timers.Add((bookmark.Id, utc));
    }

    private async Task AddTimerAsync(OfficerTask task, DateTimeOffset dueAt, CancellationToken ct)
    {
        var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == task.WorkflowInstanceId, ct);
        if (instance is null) return;
        var state = EfInstanceStore.ReadState(instance.StateJson);
        var main = state.Bookmarks.FirstOrDefault(b => b.Id == task.BookmarkId);
        if (main is null || state.Bookmarks.Any(b => b.Name == PmActivities.OverdueBookmark && b.Payload?[TaskIdKey]?.GetValue<string>() == task.Id))
            return;
        var now = clock.GetUtcNow();
        var bookmark = new Bookmark
        {
            Id = Ids.New(),
            Name = PmActivities.OverdueBookmark,
            ActivityId = main.ActivityId,
            ActivityNodeId = main.ActivityNodeId,
            ActivityInstanceId = main.ActivityInstanceId,
            Payload = new JsonObject { [TaskIdKey] = task.Id, ["dueAt"] = dueAt.ToString("O", CultureInfo.InvariantCulture) },
            ResumeAt = dueAt,
            CreatedAt = now,
        };
        state.Bookmarks.Add(bookmark);
        instance.StateJson = JsonSerializer.Serialize(state, DefinitionJson.Options);
        instance.Revision++;
        var utc = dueAt.ToUniversalTime();
        db.Bookmarks.Add(new BookmarkRecord
        {
            Id = bookmark.Id, InstanceId = instance.Id, Name = bookmark.Name, ActivityNodeId = bookmark.ActivityNodeId,
            ActivityInstanceId = bookmark.ActivityInstanceId, CreatedAt = now, ResumeAt = utc,
        });
        db.Timers.Add(new TimerRecord { BookmarkId = bookmark.Id, InstanceId = instance.Id, DueAt = utc, Status = TimerStatus.Pending, CreatedAt = now });
        _timers.Add((bookmark.Id, utc));
    }

    /// <summary>
    /// Pending reminders move to the new date; stages that were already sent stay sent (each stage is sent once per
    /// task), and stages the new date adds are planned.
    /// </summary>
    private async Task ReplanRemindersAsync(OfficerTask task, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var deadlines = new List<DeadlineOpened>();
        foreach (var source in sources.Where(s => s.Handles(new TaskOpened(task))))
            deadlines.AddRange((await source.MapAsync(db, new TaskOpened(task), ct)).OfType<DeadlineOpened>());
        var existing = await db.Reminders.Where(r => r.SubjectKind == SubjectKinds.Task && r.SubjectId == task.Id).ToListAsync(ct);
        var planned = deadlines.SelectMany(d => planner.Plan(d with { NotifyAssigned = false }, now)).ToList();
        foreach (var row in existing.Where(r => r.Status == ReminderStatus.Pending && planned.All(p => p.Key != r.Key)))
        {
            row.Status = ReminderStatus.Cancelled;
            row.CancelledAt = now;
        }
        foreach (var plan in planned)
        {
            var row = existing.FirstOrDefault(r => r.Key == plan.Key);
            if (row is null)
            {
                db.Reminders.Add(plan);
                _reminders.Add((plan.Id, plan.DueAt));
            }
            else if (row.Status == ReminderStatus.Pending)
            {
                row.DueAt = plan.DueAt;
                row.DaysBefore = plan.DaysBefore;
                row.ModelJson = plan.ModelJson;
                row.RecipientsJson = plan.RecipientsJson;
                _reminders.Add((row.Id, row.DueAt));
            }
        }
    }
}

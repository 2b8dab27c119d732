using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Tools.DataGenerator;

/// <summary>The rows of a batch of generated cases, written together in one transaction.</summary>
internal sealed class RowBatch
{
    public List<Case> Cases { get; } = [];
    public List<InstanceRecord> Instances { get; } = [];
    public List<OfficerTask> Tasks { get; } = [];
    public List<Filing> Filings { get; } = [];
    public List<BookmarkRecord> Bookmarks { get; } = [];
    public List<TimerRecord> Timers { get; } = [];
    public List<JournalRecord> Journal { get; } = [];
    public List<ActivityExecutionRow> Activities { get; } = [];
    public List<ReminderRecord> Reminders { get; } = [];
    public List<OutboxMessage> Outbox { get; } = [];

    public long RowCount => Cases.Count + Instances.Count + Tasks.Count + Filings.Count + Bookmarks.Count + Timers.Count + Journal.Count
                            + Activities.Count + Reminders.Count + Outbox.Count;

    /// <summary>Parents first, so a database with foreign keys would accept the order too.</summary>
    public async Task WriteAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        await BulkRows.WriteAsync(db, Instances, upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, Cases, upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, Tasks, upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, Filings, upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, Bookmarks, upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, Timers, upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, Journal, upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, Activities, upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, Reminders, upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, Outbox, upsert: false, keepExisting: null, ct);
    }

    public void Clear()
    {
        Cases.Clear();
        Instances.Clear();
        Tasks.Clear();
        Filings.Clear();
        Bookmarks.Clear();
        Timers.Clear();
        Journal.Clear();
        Activities.Clear();
        Reminders.Clear();
        Outbox.Clear();
    }
}

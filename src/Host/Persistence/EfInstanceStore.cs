using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.Persistence;

/// <summary>Saves a run burst (state, bookmarks, timers, journal, records, effects) in one transaction.</summary>
internal sealed class EfInstanceStore(
    WorkflowsDbContext db, IEnumerable<IEffectWriter> effectWriters, IEnumerable<IBurstWriter> burstWriters, TimeProvider clock) : IWorkflowInstanceStore
{
    public async Task<StoredInstance?> FindAsync(string instanceId, CancellationToken ct = default)
    {
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        return row is null ? null : new StoredInstance(ReadState(row.StateJson), row.Revision);
    }

    public async Task<IReadOnlyList<BookmarkReference>> FindBookmarksAsync(string hash, CancellationToken ct = default) =>
        await db.Bookmarks.AsNoTracking().Where(b => b.Hash == hash)
            .Select(b => new BookmarkReference(b.InstanceId, b.Id)).ToListAsync(ct);

    public async Task<long> SaveAsync(RunResult result, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        try
        {
            return await SaveBurstAsync(result, ct);
        }
        catch (Exception ex) when (DbErrors.IsRetryable(ex))
        {
            // The transaction was rolled back whole; the runtime retries the burst on fresh state.
            throw new ConcurrencyConflictException(result.State.Id);
        }
    }

    private async Task<long> SaveBurstAsync(RunResult result, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revision = await SaveInstanceAsync(result, ct);
        await SaveBookmarksAndTimersAsync(result, now, ct);
        await BulkRows.WriteAsync(db, result.Journal.Select(ToRow).ToList(), upsert: false, keepExisting: null, ct);
        await BulkRows.WriteAsync(db, result.ActivityRecords.Select(ToRow).ToList(), upsert: true, KeptWhenNull, ct);
        foreach (var effect in result.Effects)
        {
            // Several writers may take one effect: a task opened is a task row and also its reminders.
            var writers = effectWriters.Where(w => w.CanWrite(effect)).ToList();
            if (writers.Count == 0)
                throw new InvalidOperationException($"No writer is registered for the effect {effect.GetType().Name}.");
            foreach (var writer in writers)
                await writer.WriteAsync(db, effect, now, ct);
        }
        foreach (var writer in burstWriters)
            await writer.WriteAsync(db, result, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(result.State.Id);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && result.IsNew)
        {
            throw new ConcurrencyConflictException(result.State.Id);
        }
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return revision;
    }

    /// <summary>
    /// The instance row goes out as one plain statement, not through EF's change tracker (which costs more than
    /// the write itself on the hot path): an INSERT for a new instance, else an UPDATE guarded by the revision
    /// the burst loaded, so a burst that lost a race writes nothing.
    /// </summary>
    private async Task<long> SaveInstanceAsync(RunResult result, CancellationToken ct)
    {
        var state = result.State;
        var revision = result.IsNew ? 1 : result.ExpectedRevision + 1;
        var row = new InstanceRecord
        {
            Id = state.Id,
            Revision = revision,
            DefinitionId = state.DefinitionId,
            DefinitionVersionId = state.DefinitionVersionId,
            Version = state.DefinitionVersion,
            Name = state.Name,
            CorrelationId = state.CorrelationId,
            Status = state.Status.ToString(),
            SubStatus = state.SubStatus.ToString(),
            IncidentCount = state.Incidents.Count,
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
            FinishedAt = state.FinishedAt,
            StateJson = JsonSerializer.Serialize(state, DefinitionJson.Options),
        };
        if (result.IsNew)
        {
            try
            {
                await BulkRows.WriteAsync(db, [row], upsert: false, keepExisting: null, ct);
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
            {
                throw new ConcurrencyConflictException(state.Id);
            }
            return revision;
        }
        if (db.Database.IsNpgsql())
        {
            // Cluster: bursts of one instance may run on different hosts. Each takes the instance's row lock
            // first, so they queue here instead of interleaving their writes (two bursts upserting the same
            // activity records in different orders could deadlock). The guarded UPDATE below then sees the row
            // as the previous holder committed it and refuses a stale burst before it writes anything else.
            // SQLite needs no lock: BEGIN IMMEDIATE already serialises writers.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"WorkflowInstances\" WHERE \"Id\" = {state.Id} FOR UPDATE", ct);
        }
        var updated = await db.Instances
            .Where(i => i.Id == state.Id && i.Revision == result.ExpectedRevision)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Revision, row.Revision)
                .SetProperty(i => i.DefinitionId, row.DefinitionId)
                .SetProperty(i => i.DefinitionVersionId, row.DefinitionVersionId)
                .SetProperty(i => i.Version, row.Version)
                .SetProperty(i => i.Name, row.Name)
                .SetProperty(i => i.CorrelationId, row.CorrelationId)
                .SetProperty(i => i.Status, row.Status)
                .SetProperty(i => i.SubStatus, row.SubStatus)
                .SetProperty(i => i.IncidentCount, row.IncidentCount)
                .SetProperty(i => i.CreatedAt, row.CreatedAt)
                .SetProperty(i => i.UpdatedAt, row.UpdatedAt)
                .SetProperty(i => i.FinishedAt, row.FinishedAt)
                .SetProperty(i => i.StateJson, row.StateJson), ct);
        if (updated == 0) throw new ConcurrencyConflictException(state.Id);
        return revision;
    }

    private async Task SaveBookmarksAndTimersAsync(RunResult result, DateTimeOffset now, CancellationToken ct)
    {
        var instanceId = result.State.Id;
        if (result.ResumedBookmark is { ResumeAt: not null } fired)
        {
            // The conditional update is what makes a second firing harmless: only one burst can move the
            // timer out of Pending, and the other one's whole transaction is rolled back. On PostgreSQL (READ
            // COMMITTED) a concurrent second UPDATE waits for the first one's row lock and then re-checks
            // Status on the committed row, so it matches nothing once the first has committed.
            var moved = await db.Timers
                .Where(t => t.BookmarkId == fired.Id && t.Status == TimerStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Fired).SetProperty(t => t.FiredAt, now), ct);
            if (moved == 0) throw new ConcurrencyConflictException(instanceId);
        }
        var removedIds = result.RemovedBookmarks.Select(b => b.Id).Append(result.ResumedBookmark?.Id).OfType<string>().ToList();
        if (removedIds.Count > 0)
        {
            await db.Bookmarks.Where(b => removedIds.Contains(b.Id)).ExecuteDeleteAsync(ct);
            await db.Timers.Where(t => removedIds.Contains(t.BookmarkId) && t.Status == TimerStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled), ct);
        }
        foreach (var bookmark in result.AddedBookmarks)
        {
            db.Bookmarks.Add(new BookmarkRecord
            {
                Id = bookmark.Id,
                InstanceId = instanceId,
                Name = bookmark.Name,
                Hash = bookmark.Hash,
                ActivityNodeId = bookmark.ActivityNodeId,
                ActivityInstanceId = bookmark.ActivityInstanceId,
                CreatedAt = bookmark.CreatedAt,
                ResumeAt = bookmark.ResumeAt,
            });
            if (bookmark.ResumeAt is { } due)
                db.Timers.Add(new TimerRecord { BookmarkId = bookmark.Id, InstanceId = instanceId, DueAt = due.ToUniversalTime(), Status = TimerStatus.Pending, CreatedAt = now });
        }
    }

    /// <summary>A resumed activity's record is written again; what the later burst does not know is kept.</summary>
    private static readonly IReadOnlySet<string> KeptWhenNull = new HashSet<string>
    {
        nameof(ActivityExecutionRow.ActivityStateJson),
        nameof(ActivityExecutionRow.PayloadJson),
        nameof(ActivityExecutionRow.OutputsJson),
        nameof(ActivityExecutionRow.ExceptionJson),
    };

    private static JournalRecord ToRow(WorkflowExecutionLogRecord record) => new()
    {
        Id = record.Id,
        InstanceId = record.WorkflowInstanceId,
        Sequence = record.Sequence,
        ActivityInstanceId = record.ActivityInstanceId,
        ActivityId = record.ActivityId,
        ActivityType = record.ActivityType,
        ActivityTypeVersion = record.ActivityTypeVersion,
        ActivityName = record.ActivityName,
        NodeId = record.NodeId,
        Timestamp = record.Timestamp,
        EventName = record.EventName,
        Message = record.Message,
        PayloadJson = record.Payload?.ToJsonString(),
    };

    private static ActivityExecutionRow ToRow(ActivityExecutionRecord record) => new()
    {
        Id = record.Id,
        InstanceId = record.WorkflowInstanceId,
        ActivityId = record.ActivityId,
        ActivityNodeId = record.ActivityNodeId,
        ActivityType = record.ActivityType,
        ActivityTypeVersion = record.ActivityTypeVersion,
        ActivityName = record.ActivityName,
        Status = record.Status.ToString(),
        StartedAt = record.StartedAt,
        CompletedAt = record.CompletedAt,
        HasBookmarks = record.HasBookmarks,
        ActivityStateJson = record.ActivityState?.ToJsonString(),
        PayloadJson = record.Payload?.ToJsonString(),
        OutputsJson = record.Outputs?.ToJsonString(),
        ExceptionJson = record.Exception is null ? null : JsonSerializer.Serialize(record.Exception, DefinitionJson.Options),
    };

    internal static WorkflowState ReadState(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, DefinitionJson.Options)
        ?? throw new InvalidOperationException("Stored workflow state is empty.");
}

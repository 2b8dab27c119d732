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
        catch (DbUpdateException ex) when (IsUniqueViolation(ex) && result.IsNew)
        {
            throw new ConcurrencyConflictException(result.State.Id);
        }
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return revision;
    }

    private async Task<long> SaveInstanceAsync(RunResult result, CancellationToken ct)
    {
        var state = result.State;
        InstanceRecord row;
        if (result.IsNew)
        {
            row = new InstanceRecord { Id = state.Id, Revision = 1 };
            db.Instances.Add(row);
        }
        else
        {
            row = await db.Instances.FirstOrDefaultAsync(i => i.Id == state.Id, ct)
                  ?? throw new ConcurrencyConflictException(state.Id);
            // The original value is what the burst loaded, so EF's UPDATE ... WHERE Revision = @expected
            // fails if anyone saved in between.
            db.Entry(row).Property(r => r.Revision).OriginalValue = result.ExpectedRevision;
            row.Revision = result.ExpectedRevision + 1;
        }
        row.DefinitionId = state.DefinitionId;
        row.DefinitionVersionId = state.DefinitionVersionId;
        row.Version = state.DefinitionVersion;
        row.Name = state.Name;
        row.CorrelationId = state.CorrelationId;
        row.Status = state.Status.ToString();
        row.SubStatus = state.SubStatus.ToString();
        row.IncidentCount = state.Incidents.Count;
        row.CreatedAt = state.CreatedAt;
        row.UpdatedAt = state.UpdatedAt;
        row.FinishedAt = state.FinishedAt;
        row.StateJson = JsonSerializer.Serialize(state, DefinitionJson.Options);
        return row.Revision;
    }

    private async Task SaveBookmarksAndTimersAsync(RunResult result, DateTimeOffset now, CancellationToken ct)
    {
        var instanceId = result.State.Id;
        if (result.ResumedBookmark is { ResumeAt: not null } fired)
        {
            // The conditional update is what makes a second firing harmless: only one burst can move the
            // timer out of Pending, and the other one's whole transaction is rolled back.
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

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}

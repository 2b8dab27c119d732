using System.Text.Json;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Runtime.Tests.Harness;

/// <summary>
/// Instances kept as JSON with a revision, as the host's database keeps them. A save whose expected revision
/// is stale throws <see cref="ConcurrencyConflictException"/> and stores nothing, like the real store.
/// </summary>
internal sealed class InMemoryInstanceStore : IWorkflowInstanceStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string StateJson, long Revision)> _instances = [];
    private readonly Dictionary<string, (string InstanceId, Bookmark Bookmark)> _bookmarks = [];
    private readonly List<WorkflowExecutionLogRecord> _journal = [];
    private readonly Dictionary<string, ActivityExecutionRecord> _records = [];
    private readonly List<object> _effects = [];

    /// <summary>Called after every load, before the caller gets the state: lets a test hold loads to force a race.</summary>
    public Func<Task>? AfterLoad { get; set; }

    /// <summary>How many saves were refused because another burst saved first.</summary>
    public int Conflicts { get; private set; }

    public async Task<StoredInstance?> FindAsync(string instanceId, CancellationToken ct = default)
    {
        StoredInstance? stored;
        lock (_lock)
        {
            stored = _instances.TryGetValue(instanceId, out var row)
                ? new StoredInstance(JsonSerializer.Deserialize<WorkflowState>(row.StateJson, DefinitionJson.Options)!, row.Revision)
                : null;
        }
        if (AfterLoad is { } hook) await hook();
        return stored;
    }

    public Task<long> SaveAsync(RunResult result, CancellationToken ct = default)
    {
        var id = result.State.Id;
        lock (_lock)
        {
            var exists = _instances.TryGetValue(id, out var row);
            if (result.IsNew ? exists : !exists || row.Revision != result.ExpectedRevision)
            {
                Conflicts++;
                throw new ConcurrencyConflictException(id);
            }
            var revision = result.ExpectedRevision + 1;
            _instances[id] = (JsonSerializer.Serialize(result.State, DefinitionJson.Options), revision);
            foreach (var removed in result.RemovedBookmarks.Append(result.ResumedBookmark).OfType<Bookmark>())
                _bookmarks.Remove(removed.Id);
            foreach (var added in result.AddedBookmarks)
                _bookmarks[added.Id] = (id, added);
            _journal.AddRange(result.Journal);
            foreach (var record in result.ActivityRecords)
                _records[record.Id] = record;
            _effects.AddRange(result.Effects);
            return Task.FromResult(revision);
        }
    }

    public Task<IReadOnlyList<BookmarkReference>> FindBookmarksAsync(string hash, CancellationToken ct = default)
    {
        lock (_lock)
        {
            IReadOnlyList<BookmarkReference> found = _bookmarks.Values.Where(b => b.Bookmark.Hash == hash)
                .Select(b => new BookmarkReference(b.InstanceId, b.Bookmark.Id)).ToList();
            return Task.FromResult(found);
        }
    }

    public WorkflowState State(string instanceId)
    {
        lock (_lock) return JsonSerializer.Deserialize<WorkflowState>(_instances[instanceId].StateJson, DefinitionJson.Options)!;
    }

    public long Revision(string instanceId)
    {
        lock (_lock) return _instances[instanceId].Revision;
    }

    /// <summary>The bookmarks stored for an instance (the store's own table, not the state's copy).</summary>
    public IReadOnlyList<Bookmark> Bookmarks(string instanceId)
    {
        lock (_lock) return _bookmarks.Values.Where(b => b.InstanceId == instanceId).Select(b => b.Bookmark).ToList();
    }

    /// <summary>The journal of an instance across every saved burst, in sequence order.</summary>
    public IReadOnlyList<WorkflowExecutionLogRecord> Journal(string instanceId)
    {
        lock (_lock) return _journal.Where(j => j.WorkflowInstanceId == instanceId).OrderBy(j => j.Sequence).ToList();
    }

    public IReadOnlyList<ActivityExecutionRecord> ActivityRecords(string instanceId)
    {
        lock (_lock) return _records.Values.Where(r => r.WorkflowInstanceId == instanceId).ToList();
    }

    public IReadOnlyList<object> Effects()
    {
        lock (_lock) return _effects.ToList();
    }
}

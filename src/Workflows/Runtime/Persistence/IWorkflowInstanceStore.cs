using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Persistence;

/// <summary>Where instances live with their bookmarks, timers, journal and effects. The host implements it.</summary>
public interface IWorkflowInstanceStore
{
    Task<StoredInstance?> FindAsync(string instanceId, CancellationToken ct = default);

    /// <summary>
    /// Saves a run burst in one transaction: the state (checking <see cref="RunResult.ExpectedRevision"/>),
    /// bookmarks, timers, journal, activity records and effects. Throws <see cref="ConcurrencyConflictException"/>
    /// when another burst saved the instance first, and then nothing of this burst is stored.
    /// </summary>
    Task<long> SaveAsync(RunResult result, CancellationToken ct = default);

    /// <summary>Waiting bookmarks with this hash (e.g. an event name), across instances.</summary>
    Task<IReadOnlyList<BookmarkReference>> FindBookmarksAsync(string hash, CancellationToken ct = default);
}

public sealed record StoredInstance(WorkflowState State, long Revision);

public sealed record BookmarkReference(string InstanceId, string BookmarkId);

/// <summary>Another run burst saved the instance first; the losing burst stored nothing.</summary>
public sealed class ConcurrencyConflictException(string instanceId)
    : Exception($"Instance {instanceId} was changed by another operation at the same time.")
{
    public string InstanceId { get; } = instanceId;
}

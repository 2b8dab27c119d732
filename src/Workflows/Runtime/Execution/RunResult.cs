namespace Workflows.Runtime.Execution;

/// <summary>
/// What one run burst changed: the new state plus the deltas the store writes in the same transaction.
/// </summary>
public sealed class RunResult
{
    public required WorkflowState State { get; init; }

    /// <summary>The revision the state was loaded at (0 for a new instance); the store checks it on save.</summary>
    public required long ExpectedRevision { get; init; }

    /// <summary>The bookmark this burst resumed (consumed); its timer, if any, is the one that fired.</summary>
    public Bookmark? ResumedBookmark { get; init; }

    public required IReadOnlyList<Bookmark> AddedBookmarks { get; init; }
    public required IReadOnlyList<Bookmark> RemovedBookmarks { get; init; }
    public required IReadOnlyList<WorkflowExecutionLogRecord> Journal { get; init; }
    public required IReadOnlyList<ActivityExecutionRecord> ActivityRecords { get; init; }

    /// <summary>Domain records produced by activities (tasks, filings, notifications), persisted with the state.</summary>
    public required IReadOnlyList<object> Effects { get; init; }

    /// <summary>The instance's status when the burst began (a new instance begins Running).</summary>
    public required WorkflowStatus StatusBefore { get; init; }

    public bool IsNew => ExpectedRevision == 0;

    /// <summary>This burst moved the instance to Finished (completed, cancelled or ended by a Finish activity).</summary>
    public bool FinishedInThisBurst => State.Status == WorkflowStatus.Finished && StatusBefore != WorkflowStatus.Finished;
}

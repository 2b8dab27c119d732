using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Tests.Harness;

internal static class JournalExtensions
{
    /// <summary>The activity ids that completed, in journal order.</summary>
    public static IReadOnlyList<string> Completed(this IEnumerable<WorkflowExecutionLogRecord> journal) =>
        journal.Where(j => j.EventName == JournalEvents.Completed).Select(j => j.ActivityId).ToList();

    /// <summary>The lines written by WriteLine activities, in journal order.</summary>
    public static IReadOnlyList<string?> Lines(this IEnumerable<WorkflowExecutionLogRecord> journal) =>
        journal.Where(j => j.EventName == "WriteLine").Select(j => j.Message).ToList();

    /// <summary>The sequence number of an activity's first journal event with this name.</summary>
    public static long SequenceOf(this IEnumerable<WorkflowExecutionLogRecord> journal, string activityId, string eventName) =>
        journal.First(j => j.ActivityId == activityId && j.EventName == eventName).Sequence;
}

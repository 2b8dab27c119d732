using System.Text.Json.Nodes;

namespace Workflows.Runtime.Execution;

/// <summary>One line of an instance's journal, as Elsa's WorkflowExecutionLogRecord.</summary>
public sealed class WorkflowExecutionLogRecord
{
    public string Id { get; set; } = "";
    public string WorkflowInstanceId { get; set; } = "";
    public string? ActivityInstanceId { get; set; }
    public string? ParentActivityInstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public int ActivityTypeVersion { get; set; } = 1;
    public string? ActivityName { get; set; }
    public string NodeId { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
    public long Sequence { get; set; }
    public string EventName { get; set; } = "";
    public string? Message { get; set; }
    public string? Source { get; set; }
    public JsonObject? Payload { get; set; }
}

public static class JournalEvents
{
    public const string Started = "Started";
    public const string Completed = "Completed";
    public const string Suspended = "Suspended";
    public const string Resumed = "Resumed";
    public const string Faulted = "Faulted";
    public const string Canceled = "Canceled";
    public const string OutcomeFired = "OutcomeFired";
    public const string WorkflowStarted = "WorkflowStarted";
    public const string WorkflowFinished = "WorkflowFinished";
}

/// <summary>One execution of one activity, as Elsa's ActivityExecutionRecord (the instance viewer's detail panel).</summary>
public sealed class ActivityExecutionRecord
{
    public string Id { get; set; } = "";
    public string WorkflowInstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityNodeId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public int ActivityTypeVersion { get; set; } = 1;
    public string? ActivityName { get; set; }
    public ActivityStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public bool HasBookmarks { get; set; }

    /// <summary>Evaluated inputs keyed by input descriptor name (PascalCase), as the viewer expects.</summary>
    public JsonObject? ActivityState { get; set; }

    public JsonObject? Payload { get; set; }
    public JsonObject? Outputs { get; set; }
    public ExceptionState? Exception { get; set; }
}

public enum ActivityStatus
{
    Pending,
    Running,
    Completed,
    Canceled,
    Faulted,
}

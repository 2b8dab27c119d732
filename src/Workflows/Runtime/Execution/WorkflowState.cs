using System.Text.Json.Nodes;

namespace Workflows.Runtime.Execution;

/// <summary>
/// Everything needed to continue an instance later. Serialized as one JSON document with the instance row;
/// Studio shows it as the instance's <c>workflowState</c>.
/// </summary>
public sealed class WorkflowState
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string DefinitionVersionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;
    public List<Bookmark> Bookmarks { get; set; } = [];
    public List<Incident> Incidents { get; set; } = [];
    public Dictionary<string, JsonNode?> Variables { get; set; } = [];
    public Dictionary<string, JsonNode?> Input { get; set; } = [];
    public Dictionary<string, JsonNode?> Output { get; set; } = [];
    public Dictionary<string, JsonNode?> Properties { get; set; } = [];

    /// <summary>The last outputs of each activity that produced some, by activity id (for <c>getOutputFrom</c>).</summary>
    public Dictionary<string, JsonObject> ActivityOutputs { get; set; } = [];

    /// <summary>The <c>Result</c> output of the activity that produced one last (Elsa's <c>getLastResult()</c>).</summary>
    public JsonNode? LastResult { get; set; }

    /// <summary>Per flowchart (by nodeId): how many of its activities are scheduled or blocked, and join tokens.</summary>
    public Dictionary<string, ScopeState> Scopes { get; set; } = [];

    /// <summary>Activities that started and have not completed yet (blocked on bookmarks), by activity instance id.</summary>
    public Dictionary<string, ActiveActivity> ActiveActivities { get; set; } = [];

    /// <summary>The last journal sequence number used; the journal is ordered by it.</summary>
    public long LogSequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public sealed class ScopeState
{
    public int Active { get; set; }

    /// <summary>
    /// True for scopes that keep the visit counters below. A scope saved by an earlier version of the service
    /// (which ran an activity once per arriving branch) reads as false and keeps that behaviour to its end.
    /// </summary>
    public bool Counted { get; set; }

    /// <summary>
    /// Elsa 3.8's flow scope counters: how often each activity completed (or was skipped) in this flowchart,
    /// how often each connection was visited and whether its last visit was followed. An activity with several
    /// inbound connections runs when its counters say so (see <c>FlowScheduler</c>).
    /// </summary>
    public Dictionary<string, long> ActivityVisits { get; set; } = [];

    public Dictionary<string, long> ConnectionVisits { get; set; } = [];

    public Dictionary<string, bool> ConnectionFollowed { get; set; } = [];
}

public sealed class ActiveActivity
{
    public string ActivityInstanceId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public JsonObject? ActivityState { get; set; }

    /// <summary>Scheduled over a connection that loops back: its completion does not count as a new visit.</summary>
    public bool ViaBackwardConnection { get; set; }

    /// <summary>Ports already followed while the activity stays open (an officer task's Overdue).</summary>
    public List<string> FiredOutcomes { get; set; } = [];
}

public sealed class Bookmark
{
    public string Id { get; set; } = "";

    /// <summary>What the bookmark waits for, e.g. the activity type or a sub-kind such as "Overdue".</summary>
    public string Name { get; set; } = "";

    /// <summary>Lookup key for triggers matched by value (an event name), so callers need no instance id.</summary>
    public string? Hash { get; set; }

    public string ActivityId { get; set; } = "";
    public string ActivityNodeId { get; set; } = "";
    public string ActivityInstanceId { get; set; } = "";
    public JsonObject? Payload { get; set; }

    /// <summary>When set, a timer resumes this bookmark at that instant.</summary>
    public DateTimeOffset? ResumeAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class Incident
{
    public string ActivityId { get; set; } = "";
    public string ActivityNodeId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string Message { get; set; } = "";
    public ExceptionState? Exception { get; set; }
    public DateTimeOffset Timestamp { get; set; }
}

public sealed record ExceptionState(string Type, string Message, string? StackTrace, ExceptionState? InnerException)
{
    public static ExceptionState From(Exception ex) =>
        new(ex.GetType().FullName ?? ex.GetType().Name, ex.Message, ex.StackTrace,
            ex.InnerException is null ? null : From(ex.InnerException));
}

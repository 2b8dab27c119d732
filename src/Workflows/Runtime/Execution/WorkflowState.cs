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

    /// <summary>For each FlowJoin in the scope, the activity ids whose tokens have arrived since it last fired.</summary>
    public Dictionary<string, List<string>> JoinTokens { get; set; } = [];

    /// <summary>
    /// No longer written: a WaitAny join now cancels its pending arrivals when it fires. Kept so that states saved
    /// by earlier versions still load.
    /// </summary>
    public List<string> FiredJoins { get; set; } = [];
}

public sealed class ActiveActivity
{
    public string ActivityInstanceId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public JsonObject? ActivityState { get; set; }
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

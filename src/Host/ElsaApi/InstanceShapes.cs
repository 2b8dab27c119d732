using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Persistence;

namespace Workflows.Host.ElsaApi;

/// <summary>Instances, journal lines and activity executions in the shapes Studio's list and viewer read.</summary>
internal static class InstanceShapes
{
    public static InstanceSummary Summary(InstanceRecord row) => new(
        row.Id, row.DefinitionId, row.DefinitionVersionId, row.Version, row.Status, row.SubStatus, row.CorrelationId,
        row.Name, row.IncidentCount, row.CreatedAt, row.UpdatedAt, row.FinishedAt);

    /// <summary>A WorkflowInstance: the summary plus <c>workflowState</c>, without which the viewer fails.</summary>
    public static JsonObject Instance(InstanceRecord row)
    {
        var json = JsonSerializer.SerializeToNode(Summary(row), ElsaShapes.Json)!.AsObject();
        var state = JsonNode.Parse(row.StateJson)!.AsObject();
        // Elsa calls the version "definitionVersion" in the state and keeps activity contexts there.
        state["definitionVersion"] = row.Version;
        state["completionCallbacks"] ??= new JsonArray();
        state["activityExecutionContexts"] ??= new JsonArray();
        json["workflowState"] = state;
        return json;
    }

    public static JournalRecordModel Journal(JournalRecord row) => new(
        row.Id, row.ActivityInstanceId, row.ActivityId, row.ActivityType, row.ActivityTypeVersion, row.ActivityName, row.NodeId,
        row.Timestamp, row.Sequence, row.EventName, row.Message, Parse(row.PayloadJson));

    public static ActivityExecutionModel Execution(ActivityExecutionRow row) => new(
        row.Id, row.InstanceId, row.ActivityId, row.ActivityNodeId, row.ActivityType, row.ActivityTypeVersion, row.ActivityName,
        row.Status, row.StartedAt, row.CompletedAt, row.HasBookmarks,
        Parse(row.ActivityStateJson) ?? new JsonObject(), Parse(row.PayloadJson) ?? new JsonObject(),
        Parse(row.OutputsJson) ?? new JsonObject(), Parse(row.ExceptionJson), FaultCount(row), Depth(row.ActivityNodeId));

    public static ActivityExecutionSummaryModel ExecutionSummary(ActivityExecutionRow row) => new(
        row.Id, row.InstanceId, row.ActivityId, row.ActivityNodeId, row.ActivityType, row.ActivityTypeVersion, row.ActivityName,
        row.Status, row.StartedAt, row.CompletedAt, row.HasBookmarks, FaultCount(row));

    public static int FaultCount(ActivityExecutionRow row) => row.Status == nameof(Runtime.Execution.ActivityStatus.Faulted) ? 1 : 0;

    /// <summary>How many containers are above the activity: the root flowchart is 0, its children 1.</summary>
    public static int Depth(string nodeId) => Math.Max(0, nodeId.Count(c => c == ':') - 1);

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}

internal sealed record InstanceSummary(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    string Status,
    string SubStatus,
    string? CorrelationId,
    string? Name,
    int IncidentCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt)
{
    public bool IsSystem => false;
}

/// <summary>Elsa's WorkflowExecutionLogRecord.</summary>
internal sealed record JournalRecordModel(
    string Id,
    string? ActivityInstanceId,
    string ActivityId,
    string ActivityType,
    int ActivityTypeVersion,
    string? ActivityName,
    string NodeId,
    DateTimeOffset Timestamp,
    long Sequence,
    string EventName,
    string? Message,
    JsonNode? Payload);

/// <summary>
/// Elsa's ActivityExecutionRecord. <c>activityState</c> keys are input descriptor names and <c>outputs</c> keys
/// output descriptor names (PascalCase, as the runtime records them): the viewer matches them case-sensitively.
/// </summary>
internal sealed record ActivityExecutionModel(
    string Id,
    string WorkflowInstanceId,
    string ActivityId,
    string ActivityNodeId,
    string ActivityType,
    int ActivityTypeVersion,
    string? ActivityName,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    bool HasBookmarks,
    JsonNode ActivityState,
    JsonNode Payload,
    JsonNode Outputs,
    JsonNode? Exception,
    int AggregateFaultCount,
    int CallStackDepth)
{
    public JsonObject Properties => [];
    public JsonObject Metadata => [];
}

internal sealed record ActivityExecutionSummaryModel(
    string Id,
    string WorkflowInstanceId,
    string ActivityId,
    string ActivityNodeId,
    string ActivityType,
    int ActivityTypeVersion,
    string? ActivityName,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    bool HasBookmarks,
    int AggregateFaultCount)
{
    public JsonObject Metadata => [];
}

using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Cases;

/// <summary>
/// Which case and compound a running activity serves. The cases API puts them into the instance's properties;
/// an instance started elsewhere (Studio's Run) may give <c>compoundId</c> as workflow input instead.
/// </summary>
public sealed record CaseContext(string CaseId, string CompoundId, string WorkflowInstanceId)
{
    public const string CaseIdProperty = "caseId";
    public const string CompoundIdProperty = "compoundId";

    /// <exception cref="InvalidOperationException">The instance is tied to no compound.</exception>
    public static CaseContext Of(ActivityExecutionContext context)
    {
        var state = context.Workflow;
        var compoundId = Text(state.Properties.GetValueOrDefault(CompoundIdProperty))
                         ?? Text(state.Input.GetValueOrDefault(CompoundIdProperty))
                         ?? throw new InvalidOperationException(
                             "本流程实例未关联小区（compoundId）：请通过 POST /api/cases 启动，或在流程输入中提供 compoundId。");
        var caseId = Text(state.Properties.GetValueOrDefault(CaseIdProperty)) ?? state.CorrelationId ?? state.Id;
        return new CaseContext(caseId, compoundId, state.Id);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}

using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities;

/// <summary>
/// Stands in for an activity whose type (or version) this service does not have, like Elsa's
/// <c>NotFoundActivity</c>: the definition loads and the rest of it runs; the instance faults, naming the type,
/// only when the flow reaches this activity.
/// </summary>
internal sealed class MissingActivity(string typeName, int version) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.NotFoundActivity", Name = "NotFoundActivity", Namespace = "Elsa", Category = "系统",
        DisplayName = "未找到的活动 (Not found)", IsBrowsable = false,
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        throw new InvalidOperationException(
            $"活动“{context.Node.Name ?? context.Node.Id}”的类型“{typeName}”（版本 {version}）在本服务中不存在。Activity type '{typeName}' v{version} was not found.");

    public IEnumerable<string> PossibleOutcomes(JsonObject activityJson) => [];
}

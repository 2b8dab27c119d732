using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities;

/// <summary>
/// An activity type. Implementations are stateless singletons: whatever an activity must remember between
/// execution and resumption goes into its bookmark payload.
/// </summary>
public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    ValueTask ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Called when one of this activity's bookmarks is resumed. The default completes with <c>Done</c>.</summary>
    ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }

    /// <summary>The outcomes this configured activity can produce, for validating connections.</summary>
    IEnumerable<string> PossibleOutcomes(JsonObject activityJson) => Descriptor.FlowPortNames();
}

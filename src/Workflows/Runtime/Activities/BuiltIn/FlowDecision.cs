using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary><c>Elsa.FlowDecision</c>: follows <c>True</c> or <c>False</c> by a condition.</summary>
internal sealed class FlowDecision : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowDecision", Name = "FlowDecision", Namespace = "Elsa", Category = Categories.Flow,
        DisplayName = "条件判断", Description = "按条件走“是”(True) 或“否”(False) 分支。",
        Ports = [new PortDescriptor("True", "是"), new PortDescriptor("False", "否")],
        Inputs =
        [
            new InputDescriptor
            {
                Name = "Condition", TypeName = "Boolean", DisplayName = "条件", Description = "为真时走 True 分支。",
                UiHint = UiHints.SingleLine, DefaultSyntax = "JavaScript", IsRequired = true,
            },
        ],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete(context.GetInput<bool>("Condition") ? "True" : "False");
        return ValueTask.CompletedTask;
    }
}

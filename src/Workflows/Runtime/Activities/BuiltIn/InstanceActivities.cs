using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary><c>Elsa.SetName</c>: names the workflow instance (SetName.cs).</summary>
internal sealed class SetName : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.SetName", Name = "SetName", Namespace = "Elsa", Category = Categories.Primitives,
        DisplayName = "设置实例名称", Description = "设置本流程实例的名称。",
        Inputs = [new InputDescriptor { Name = "Value", TypeName = "String", DisplayName = "名称" }],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Workflow.Name = context.GetInput<string>("Value");
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>Elsa.Correlate</c>: sets the instance's correlation id (Correlate.cs).</summary>
internal sealed class Correlate : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Correlate", Name = "Correlate", Namespace = "Elsa", Category = Categories.Primitives,
        DisplayName = "设置关联号", Description = "设置本流程实例的关联号 (correlation id)。",
        Inputs = [new InputDescriptor { Name = "CorrelationId", TypeName = "String", DisplayName = "关联号" }],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Workflow.CorrelationId = context.GetInput<string>("CorrelationId");
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>Elsa.Fault</c>: faults the instance with a message, code and category (Fault.cs).</summary>
internal sealed class Fault : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Fault", Name = "Fault", Namespace = "Elsa", Category = Categories.Primitives,
        DisplayName = "故障", Description = "以给定的消息使流程实例进入故障状态。", IsTerminal = true,
        Inputs =
        [
            new InputDescriptor { Name = "Code", TypeName = "String", DisplayName = "代码" },
            new InputDescriptor { Name = "Category", TypeName = "String", DisplayName = "类别" },
            new InputDescriptor { Name = "Message", TypeName = "String", DisplayName = "消息" },
        ],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        throw new WorkflowFaultException(context.GetInput<string>("Code"), context.GetInput<string>("Category"),
            context.GetInput<string>("Message") ?? "The workflow faulted.");
}

/// <summary>Raised by <c>Elsa.Fault</c>: the incident's message is the activity's message.</summary>
public sealed class WorkflowFaultException(string? code, string? category, string message) : Exception(message)
{
    public string? Code { get; } = code;
    public string? Category { get; } = category;
}

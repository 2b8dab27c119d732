using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary><c>Elsa.Start</c>: where a flowchart begins.</summary>
internal sealed class Start : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Start", Name = "Start", Namespace = "Elsa", Category = Categories.Flow,
        DisplayName = "开始", Description = "流程图的起点。", IsStart = true,
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>Elsa.End</c>: ends the flowchart it is in; its other branches are cancelled.</summary>
internal sealed class End : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.End", Name = "End", Namespace = "Elsa", Category = Categories.Flow,
        DisplayName = "结束", Description = "结束所在的流程图，取消其中仍在等待的分支。", IsTerminal = true,
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.EndFlowchart();
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>Elsa.Finish</c>: ends the whole workflow at once.</summary>
internal sealed class Finish : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Finish", Name = "Finish", Namespace = "Elsa", Category = Categories.Flow,
        DisplayName = "完成流程", Description = "立即结束整个流程实例。", IsTerminal = true,
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.FinishWorkflow();
        return ValueTask.CompletedTask;
    }
}

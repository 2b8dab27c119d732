namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary><c>Elsa.Flowchart</c>: runs its activities along their connections; completes when all are done.</summary>
internal sealed class Flowchart : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Flowchart", Name = "Flowchart", Namespace = "Elsa", Category = Categories.Flow,
        DisplayName = "流程图", Description = "嵌套的流程图：其中的活动按连线执行，全部完成后从 Done 端口继续。",
        IsContainer = true,
        Ports = [new PortDescriptor(PortDescriptor.Done, "完成")],
    };

    public ValueTask ExecuteAsync(Execution.ActivityExecutionContext context)
    {
        context.StartScope();
        return ValueTask.CompletedTask;
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary><c>Elsa.WriteLine</c>: writes a line to the service log and the instance journal.</summary>
internal sealed class WriteLine : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.WriteLine", Name = "WriteLine", Namespace = "Elsa", Category = Categories.Primitives,
        DisplayName = "输出一行", Description = "把一行文字写入服务日志和实例日志。",
        Inputs = [new InputDescriptor { Name = "Text", TypeName = "String", DisplayName = "文字" }],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var text = context.GetInput<string>("Text") ?? "";
        context.Services.GetService<ILoggerFactory>()?.CreateLogger("Workflows.WriteLine")
            .LogInformation("WriteLine {ActivityId}: {Text}", context.Node.Id, LogText.Bounded(text));
        context.Journal("WriteLine", text);
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>Elsa.SetVariable</c>: sets a workflow variable to the evaluated value.</summary>
internal sealed class SetVariable : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.SetVariable", Name = "SetVariable", Namespace = "Elsa", Category = Categories.Primitives,
        DisplayName = "设置变量", Description = "把表达式的值赋给流程变量。",
        Inputs =
        [
            new InputDescriptor { Name = "Variable", TypeName = "Object", DisplayName = "变量", UiHint = "variable-picker", IsWrapped = false, IsRequired = true },
            new InputDescriptor { Name = "Value", TypeName = "Object", DisplayName = "值" },
        ],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var name = context.Node.Json["variable"] switch
        {
            JsonObject o when o["name"] is JsonValue n && n.TryGetValue<string>(out var s) && s.Length > 0 => s,
            JsonObject o when o["id"] is JsonValue i && i.TryGetValue<string>(out var s) => context.VariableName(s),
            JsonValue v when v.TryGetValue<string>(out var s) => context.VariableName(s),
            _ => null,
        } ?? throw new InvalidOperationException($"SetVariable '{context.Node.Id}' names no variable.");
        context.SetVariable(name, context.GetInputNode("Value"));
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }
}

using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary>
/// <c>Elsa.RunJavaScript</c>: runs a script in the same sandbox as JavaScript inputs; its value is the
/// <c>Result</c> output (RunJavaScript.cs). Elsa's <c>setOutcome</c> inside the script is not provided.
/// </summary>
internal sealed class RunJavaScript : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.RunJavaScript", Name = "RunJavaScript", Namespace = "Elsa", Category = Categories.Scripting,
        DisplayName = "运行 JavaScript", Description = "在沙箱中运行一段 JavaScript，结果写入 Result 输出。",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "Script", TypeName = "String", DisplayName = "脚本", UiHint = "code-editor",
                UiSpecifications = new JsonObject { ["CodeEditorOptions"] = new JsonObject { ["Language"] = "javascript" } },
            },
        ],
        Outputs = [new OutputDescriptor { Name = "Result", TypeName = "Object", DisplayName = "结果" }],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var script = context.GetInput<string>("Script");
        context.SetOutput("Result", string.IsNullOrWhiteSpace(script) ? null : context.Evaluate("JavaScript", script));
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }
}

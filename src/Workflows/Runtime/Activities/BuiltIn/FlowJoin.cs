using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary>
/// <c>Elsa.FlowJoin</c>: an explicit merge. When it runs is decided by the flowchart from its mode
/// (<see cref="WorkflowExecution"/>'s counters): <c>WaitAny</c> (Elsa's default) on the first followed inbound
/// connection, <c>WaitAllActive</c> once every inbound connection was visited and one followed, <c>WaitAll</c>
/// only when every inbound connection was followed (a branch a decision did not take skips the join). When it
/// runs it cancels what is still open on its inbound paths and completes, as Elsa 3.8's counter mode does.
/// </summary>
internal sealed class FlowJoin : IActivity
{
    public const string WaitAll = "WaitAll";
    public const string WaitAny = "WaitAny";
    public const string WaitAllActive = "WaitAllActive";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowJoin", Name = "FlowJoin", Namespace = "Elsa", Category = Categories.Flow,
        DisplayName = "汇合",
        Description = "任一分支到达 (WaitAny)、所有已激活分支到达 (WaitAllActive) 或全部分支到达 (WaitAll) 后继续。",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "Mode", TypeName = "String",
                DisplayName = "模式", UiHint = UiHints.Dropdown,
                DefaultValue = JsonValue.Create(WaitAny),
                UiSpecifications = UiHints.DropdownItems(
                    ("任一到达 (WaitAny)", WaitAny), ("已激活分支全部到达 (WaitAllActive)", WaitAllActive), ("全部到达 (WaitAll)", WaitAll)),
            },
        ],
    };

    /// <summary>Reads a mode as Studio writes it: the enum's name, or its number (WaitAll 0, WaitAny 1, WaitAllActive 2).</summary>
    public static string ParseMode(JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<int>(out var number))
            return number switch { 0 => WaitAll, 2 => WaitAllActive, _ => WaitAny };
        var text = value is JsonValue s && s.TryGetValue<string>(out var str) ? str : null;
        foreach (var mode in (string[])[WaitAll, WaitAllActive, WaitAny])
            if (string.Equals(text, mode, StringComparison.OrdinalIgnoreCase))
                return mode;
        return WaitAny;
    }

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.CancelInboundAncestors();
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }
}

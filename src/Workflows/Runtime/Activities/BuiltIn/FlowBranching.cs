using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary><c>Elsa.FlowFork</c>: continues on every configured branch at once (Elsa's FlowFork.cs).</summary>
internal sealed class FlowFork : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowFork", Name = "FlowFork", Namespace = "Elsa", Category = Categories.Flow,
        DisplayName = "分支 (Fork)", Description = "同时走每一个配置的分支。",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "Branches", TypeName = "List<String>", DisplayName = "分支", UiHint = UiHints.DynamicOutcomes,
                DefaultSyntax = "Object",
            },
        ],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var branches = Names(context.GetInputNode("Branches"));
        context.Complete(branches.Count > 0 ? [.. branches] : [PortDescriptor.Done]);
        return ValueTask.CompletedTask;
    }

    public IEnumerable<string> PossibleOutcomes(JsonObject activityJson)
    {
        var branches = Names(StaticValue(activityJson["branches"]));
        return branches.Count > 0 ? branches : [PortDescriptor.Done];
    }

    /// <summary>A list as Studio stores it: a JSON array, or a string holding one.</summary>
    internal static IReadOnlyList<string> Names(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : x?.ToJsonString() ?? "")
            .Where(s => s.Length > 0).Distinct().ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('[') => Names(JsonNode.Parse(s)),
        _ => [],
    };

    /// <summary>The value of a wrapped input with a Literal or Object expression (known without running).</summary>
    internal static JsonNode? StaticValue(JsonNode? raw) =>
        raw is JsonObject wrapped && wrapped["expression"] is JsonObject expression
            ? (expression["type"]?.ToString() is null or "Literal" or "Object" ? expression["value"] : null)
            : raw;
}

/// <summary>
/// <c>Elsa.FlowSwitch</c>: each case is a label and a condition; <c>MatchFirst</c> (Elsa's default) follows the
/// first true case, <c>MatchAny</c> every true case, and <c>Default</c> is followed when none is (FlowSwitch.cs).
/// </summary>
internal sealed class FlowSwitch : IActivity
{
    public const string DefaultPort = "Default";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowSwitch", Name = "FlowSwitch", Namespace = "Elsa", Category = Categories.Flow,
        DisplayName = "多条件分支 (Switch)", Description = "按各条件走第一个（MatchFirst）或所有（MatchAny）为真的分支，都不为真时走 Default。",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "Cases", TypeName = "Elsa.Workflows.Activities.Flowchart.Models.FlowSwitchCase[]", DisplayName = "条件",
                UiHint = "flow-switch-editor", IsWrapped = false,
            },
            new InputDescriptor
            {
                Name = "Mode", TypeName = "Elsa.Workflows.Activities.SwitchMode", DisplayName = "模式", UiHint = UiHints.Dropdown,
                DefaultValue = JsonValue.Create("MatchFirst"),
                UiSpecifications = UiHints.DropdownItems(("第一个为真 (MatchFirst)", "MatchFirst"), ("所有为真 (MatchAny)", "MatchAny")),
            },
        ],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var matchAny = string.Equals(context.GetInputNode("Mode")?.ToString(), "MatchAny", StringComparison.OrdinalIgnoreCase)
                       || context.GetInputNode("Mode")?.ToString() == "1";
        var matched = new List<string>();
        foreach (var (label, condition) in Cases(context.Node.Json))
        {
            if (condition?["type"]?.ToString() is not { } type) continue;
            if (!ValueConverter.Convert<bool>(context.Evaluate(type, condition["value"]))) continue;
            matched.Add(label);
            if (!matchAny) break;
        }
        context.Complete(matched.Count > 0 ? [.. matched] : [DefaultPort]);
        return ValueTask.CompletedTask;
    }

    public IEnumerable<string> PossibleOutcomes(JsonObject activityJson) =>
        Cases(activityJson).Select(c => c.Label).Append(DefaultPort).Distinct();

    private static IEnumerable<(string Label, JsonObject? Condition)> Cases(JsonObject activityJson) =>
        (activityJson["cases"] as JsonArray ?? []).OfType<JsonObject>()
        .Select(c => (Label: c["label"]?.ToString() ?? "", Condition: c["condition"] as JsonObject))
        .Where(c => c.Label.Length > 0);
}

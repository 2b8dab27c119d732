using System.Text.Json.Nodes;
using Workflows.Runtime.Activities;

namespace Workflows.Runtime.Validation;

/// <summary>
/// An activity's inputs as a stored definition gives them, before it runs: literal values (and the descriptor's
/// defaults) are known; inputs given by an expression are not, and checks of them wait for the run.
/// </summary>
internal sealed class DefinitionInputs(JsonObject activity, ActivityDescriptor descriptor) : IActivityInputs
{
    private static readonly HashSet<string> StaticSyntaxes = new(StringComparer.OrdinalIgnoreCase) { "Literal", "Object", "Json" };

    public JsonNode? GetInputNode(string name)
    {
        var input = descriptor.FindInput(name);
        if (input is null) return null;
        var raw = activity[input.JsonKey];
        if (raw is JsonObject wrapped && (wrapped.ContainsKey("expression") || wrapped.ContainsKey("memoryReference")))
        {
            if (wrapped["expression"] is not JsonObject expression) return input.DefaultValue?.DeepClone();
            return IsStatic(expression) ? expression["value"]?.DeepClone() : null;
        }
        return raw?.DeepClone() ?? input.DefaultValue?.DeepClone();
    }

    public bool IsKnown(string name)
    {
        var input = descriptor.FindInput(name);
        if (input is null) return true;
        if (activity[input.JsonKey] is not JsonObject wrapped
            || !(wrapped.ContainsKey("expression") || wrapped.ContainsKey("memoryReference")))
            return true;
        return wrapped["expression"] is JsonObject expression ? IsStatic(expression) : wrapped["memoryReference"] is null;
    }

    private static bool IsStatic(JsonObject expression) =>
        StaticSyntaxes.Contains(expression["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : "Literal");
}

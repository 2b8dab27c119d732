using System.Text.Json.Nodes;

namespace Workflows.Runtime.Expressions;

/// <summary>Reads a workflow variable. Elsa writes the reference as the variable's name or as <c>{id, name}</c>.</summary>
internal sealed class VariableExpressionHandler : IExpressionHandler
{
    public ExpressionDescriptor Descriptor { get; } = new("Variable", "Variable", IsBrowsable: false);

    public JsonNode? Evaluate(JsonNode? value, ExpressionContext context)
    {
        var name = NameOf(value) ?? throw new ExpressionException("Variable expression names no variable.");
        if (!context.Variables.ContainsKey(name) && context.VariableNamesById.TryGetValue(name, out var byId))
            name = byId;
        return context.Variables.TryGetValue(name, out var v)
            ? v?.DeepClone()
            : throw new ExpressionException($"Variable '{name}' does not exist.");
    }

    public string? Check(JsonNode? value) => NameOf(value) is null ? "Variable expression names no variable." : null;

    private static string? NameOf(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
        JsonObject o => (o["id"] ?? o["name"]) is JsonValue n && n.TryGetValue<string>(out var s) ? s : null,
        _ => null,
    };
}

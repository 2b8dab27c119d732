using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflows.Runtime.Expressions;

internal sealed class LiteralExpressionHandler : IExpressionHandler
{
    public ExpressionDescriptor Descriptor { get; } = new("Literal", "Literal");

    public JsonNode? Evaluate(JsonNode? value, ExpressionContext context) => value?.DeepClone();

    public string? Check(JsonNode? value) => null;
}

/// <summary>Elsa's <c>Object</c> expression: the value is a JSON document held as a string.</summary>
internal sealed class ObjectExpressionHandler : IExpressionHandler
{
    public ExpressionDescriptor Descriptor { get; } = new("Object", "Object", IsBrowsable: false);

    public JsonNode? Evaluate(JsonNode? value, ExpressionContext context) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? Parse(text) : value?.DeepClone();

    public string? Check(JsonNode? value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            JsonNode.Parse(text);
            return null;
        }
        catch (JsonException ex)
        {
            return $"Object expression is not valid JSON: {ex.Message}";
        }
    }

    private static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new ExpressionException($"Object expression is not valid JSON: {ex.Message}", ex);
        }
    }
}

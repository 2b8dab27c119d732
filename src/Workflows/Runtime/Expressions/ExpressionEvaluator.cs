using System.Text.Json.Nodes;

namespace Workflows.Runtime.Expressions;

/// <summary>Evaluates wrapped inputs <c>{typeName, expression:{type, value}}</c> by their expression type.</summary>
public sealed class ExpressionEvaluator
{
    private readonly Dictionary<string, IExpressionHandler> _handlers;

    public ExpressionEvaluator(IEnumerable<IExpressionHandler> handlers)
    {
        _handlers = handlers.ToDictionary(h => h.Descriptor.Type, StringComparer.Ordinal);
    }

    public IEnumerable<ExpressionDescriptor> Descriptors => _handlers.Values.Select(h => h.Descriptor);

    public bool IsKnown(string type) => _handlers.ContainsKey(type);

    public JsonNode? Evaluate(string type, JsonNode? value, ExpressionContext context) =>
        _handlers.TryGetValue(type, out var handler)
            ? handler.Evaluate(value, context)
            : throw new ExpressionException($"Unknown expression type '{type}'.");

    public string? Check(string type, JsonNode? value) =>
        _handlers.TryGetValue(type, out var handler)
            ? handler.Check(value)
            : $"Unknown expression type '{type}' (supported: {string.Join(", ", _handlers.Keys)}).";
}

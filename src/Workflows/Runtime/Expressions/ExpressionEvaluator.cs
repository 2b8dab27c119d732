using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Workflows.Runtime.Expressions;

/// <summary>Evaluates wrapped inputs <c>{typeName, expression:{type, value}}</c> by their expression type.</summary>
public sealed class ExpressionEvaluator
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Dictionary<string, IExpressionHandler> _handlers;
    private readonly int _maxOutputLength;

    public ExpressionEvaluator(IEnumerable<IExpressionHandler> handlers, IOptions<ExpressionOptions> options)
    {
        _handlers = handlers.ToDictionary(h => h.Descriptor.Type, StringComparer.Ordinal);
        _maxOutputLength = options.Value.MaxOutputLength;
    }

    public IEnumerable<ExpressionDescriptor> Descriptors => _handlers.Values.Select(h => h.Descriptor);

    public bool IsKnown(string type) => _handlers.ContainsKey(type);

    public JsonNode? Evaluate(string type, JsonNode? value, ExpressionContext context)
    {
        if (!_handlers.TryGetValue(type, out var handler)) throw new ExpressionException($"Unknown expression type '{type}'.");
        var result = handler.Evaluate(value, context);
        var length = LengthOf(result);
        return length <= _maxOutputLength
            ? result
            : throw new ExpressionException(
                $"{type} expression result too long: {length} characters, more than the limit of {_maxOutputLength} (Expressions:MaxOutputLength).");
    }

    /// <summary>A text's characters; anything else, the characters of its JSON.</summary>
    private static long LengthOf(JsonNode? result) => result switch
    {
        null => 0,
        JsonValue v when v.TryGetValue<string>(out var text) => text.Length,
        _ => result.ToJsonString(Unescaped).Length,
    };

    public string? Check(string type, JsonNode? value) =>
        _handlers.TryGetValue(type, out var handler)
            ? handler.Check(value)
            : $"Unknown expression type '{type}' (supported: {string.Join(", ", _handlers.Keys)}).";
}

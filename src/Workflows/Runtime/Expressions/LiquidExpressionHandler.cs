using System.Text.Json.Nodes;
using DotLiquid;
using DotLiquid.Exceptions;

namespace Workflows.Runtime.Expressions;

/// <summary>
/// Liquid templates (DotLiquid). The template sees <c>Variables</c>, <c>Input</c>, <c>WorkflowInstanceId</c>,
/// <c>CorrelationId</c> and <c>DefinitionId</c>, as Elsa's Liquid expressions do.
/// </summary>
internal sealed class LiquidExpressionHandler : IExpressionHandler
{
    public ExpressionDescriptor Descriptor { get; } = new("Liquid", "Liquid",
        Properties: new JsonObject { ["MonacoLanguage"] = "liquid" });

    public JsonNode? Evaluate(JsonNode? value, ExpressionContext context)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
        if (string.IsNullOrEmpty(text)) return JsonValue.Create("");
        var template = Parse(text);
        var globals = new Dictionary<string, object?>
        {
            ["Variables"] = ToPlain(new JsonObject(context.Variables.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))),
            ["Input"] = ToPlain(new JsonObject(context.Input.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))),
            ["WorkflowInstanceId"] = context.WorkflowInstanceId,
            ["CorrelationId"] = context.CorrelationId ?? "",
            ["DefinitionId"] = context.DefinitionId,
        };
        try
        {
            var rendered = template.Render(new RenderParameters(System.Globalization.CultureInfo.InvariantCulture)
            {
                LocalVariables = Hash.FromDictionary(globals!),
                ErrorsOutputMode = ErrorsOutputMode.Rethrow,
            });
            return JsonValue.Create(rendered);
        }
        catch (Exception ex) when (ex is LiquidException or InvalidOperationException or System.ArgumentException)
        {
            throw new ExpressionException($"Liquid error: {ex.Message}", ex);
        }
    }

    public string? Check(JsonNode? value)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            Template.Parse(text);
            return null;
        }
        catch (LiquidException ex)
        {
            return $"Liquid syntax error: {ex.Message}";
        }
    }

    private static Template Parse(string text)
    {
        try
        {
            return Template.Parse(text);
        }
        catch (LiquidException ex)
        {
            throw new ExpressionException($"Liquid syntax error: {ex.Message}", ex);
        }
    }

    /// <summary>Turns JSON into hashes, lists and primitives, which DotLiquid reads natively.</summary>
    internal static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => Hash.FromDictionary(o.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value))!),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<decimal>(out var m) => m,
        _ => node.ToJsonString(),
    };
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Runtime.Expressions.Liquid;

namespace Workflows.Runtime.Expressions;

/// <summary>
/// Liquid templates on Fluid, bounded by <see cref="LiquidOptions"/>. The template sees <c>Variables</c>, <c>Input</c>,
/// <c>WorkflowInstanceId</c>, <c>CorrelationId</c> and <c>DefinitionId</c>, as Elsa's Liquid expressions do.
/// </summary>
internal sealed class LiquidExpressionHandler(IOptions<LiquidOptions> limits, IOptions<ExpressionOptions> expressions) : IExpressionHandler
{
    private readonly BoundedLiquid _liquid = new(limits.Value, expressions.Value.MaxOutputLength);

    public ExpressionDescriptor Descriptor { get; } = new("Liquid", "Liquid",
        Properties: new JsonObject { ["MonacoLanguage"] = "liquid" });

    public JsonNode? Evaluate(JsonNode? value, ExpressionContext context)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
        if (string.IsNullOrEmpty(text)) return JsonValue.Create("");
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
            return JsonValue.Create(_liquid.Render(BoundedLiquid.Parse(text), globals, context.Now));
        }
        catch (LiquidTemplateException ex) when (ex.LimitExceeded)
        {
            throw new ExpressionException($"Liquid stopped by its limits: {ex.Message}", ex);
        }
        catch (LiquidTemplateException ex) when (ex.Line is not null)
        {
            throw new ExpressionException($"Liquid syntax error: {ex.Message}", ex);
        }
        catch (LiquidTemplateException ex)
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
            BoundedLiquid.Parse(text);
            return null;
        }
        catch (LiquidTemplateException ex)
        {
            return $"Liquid syntax error: {ex.Message}";
        }
    }

    /// <summary>Turns JSON into dictionaries, lists and primitives, which Fluid reads natively.</summary>
    internal static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<decimal>(out var m) => m,
        _ => node.ToJsonString(),
    };
}

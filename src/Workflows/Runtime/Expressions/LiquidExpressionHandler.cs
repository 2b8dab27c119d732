using System.Text.Json.Nodes;
using Fluid;

namespace Workflows.Runtime.Expressions;

/// <summary>
/// Liquid templates (Fluid). The template sees <c>Variables</c>, <c>Input</c>, <c>WorkflowInstanceId</c>,
/// <c>CorrelationId</c> and <c>DefinitionId</c>.
/// </summary>
internal sealed class LiquidExpressionHandler : IExpressionHandler
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions TemplateOptions = CreateOptions();

    public ExpressionDescriptor Descriptor { get; } = new("Liquid", "Liquid",
        Properties: new JsonObject { ["MonacoLanguage"] = "liquid" });

    public JsonNode? Evaluate(JsonNode? value, ExpressionContext context)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
        if (string.IsNullOrEmpty(text)) return JsonValue.Create("");
        if (!Parser.TryParse(text, out var template, out var error))
            throw new ExpressionException($"Liquid syntax error: {error}");
        var templateContext = new TemplateContext(TemplateOptions);
        templateContext.SetValue("Variables", ToPlain(new JsonObject(context.Variables.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))));
        templateContext.SetValue("Input", ToPlain(new JsonObject(context.Input.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))));
        templateContext.SetValue("WorkflowInstanceId", context.WorkflowInstanceId);
        templateContext.SetValue("CorrelationId", context.CorrelationId ?? "");
        templateContext.SetValue("DefinitionId", context.DefinitionId);
        return JsonValue.Create(template.Render(templateContext));
    }

    public string? Check(JsonNode? value)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(text)) return null;
        return Parser.TryParse(text, out _, out var error) ? null : $"Liquid syntax error: {error}";
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy = new UnsafeMemberAccessStrategy();
        return options;
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

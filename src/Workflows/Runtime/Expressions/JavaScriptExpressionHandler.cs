using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;
using Microsoft.Extensions.Options;

namespace Workflows.Runtime.Expressions;

/// <summary>
/// JavaScript expressions on Jint with no CLR access. The script sees Elsa's functions (<see cref="JavaScriptApi"/>)
/// and, from this service's earlier versions, <c>variables</c>, <c>input</c>, <c>getWorkflowInput(name)</c>,
/// <c>workflowInstanceId</c>, <c>correlationId</c> and <c>definitionId</c>.
/// </summary>
internal sealed class JavaScriptExpressionHandler(IOptions<JavaScriptOptions> options) : IExpressionHandler
{
    public ExpressionDescriptor Descriptor { get; } = new("JavaScript", "JavaScript",
        Properties: new JsonObject { ["MonacoLanguage"] = "javascript" });

    public JsonNode? Evaluate(JsonNode? value, ExpressionContext context)
    {
        var script = ScriptOf(value);
        if (string.IsNullOrWhiteSpace(script)) return null;
        var limits = options.Value;
        // Each evaluation gets a fresh engine: nothing leaks between instances, and limits apply per evaluation.
        var engine = new JsEngine(o => o
            .TimeoutInterval(TimeSpan.FromMilliseconds(limits.TimeoutMilliseconds))
            // A regular expression runs inside .NET's Regex, where the statement timeout is not checked;
            // Jint's own default for it is 10 s.
            .RegexTimeoutInterval(TimeSpan.FromMilliseconds(limits.TimeoutMilliseconds))
            .LimitMemory(limits.MemoryLimitBytes)
            .LimitRecursion(limits.RecursionLimit)
            .MaxStatements(limits.MaxStatements)
            .Strict(false));
        RemoveBinaryBuffers(engine);
        Bind(engine, context);
        JavaScriptStringGuard.Install(engine, limits.MemoryLimitBytes);
        try
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var result = ToJson(engine, engine.Evaluate(script));
            // Jint checks the memory limit before each statement, so whatever the last statement allocated
            // (e.g. 'x'.repeat(1 << 27)) is never checked by Jint itself.
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (limits.MemoryLimitBytes > 0 && allocated > limits.MemoryLimitBytes)
                throw new ExpressionException(
                    $"JavaScript stopped by the sandbox: the script allocated {allocated} bytes, more than the limit of {limits.MemoryLimitBytes}.");
            return result;
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"JavaScript error: {ex.Error} (line {ex.Location.Start.Line})", ex);
        }
        catch (Exception ex) when (ex is TimeoutException or MemoryLimitExceededException or StatementsCountOverflowException
                                       or RecursionDepthOverflowException or ExecutionCanceledException)
        {
            throw new ExpressionException($"JavaScript stopped by the sandbox: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is Acornima.ParseErrorException or JintException)
        {
            throw new ExpressionException($"JavaScript could not run: {ex.Message}", ex);
        }
    }

    public string? Check(JsonNode? value)
    {
        var script = ScriptOf(value);
        if (string.IsNullOrWhiteSpace(script)) return null;
        try
        {
            JsEngine.PrepareScript(script);
            return null;
        }
        // Jint wraps the parser's error in ScriptPreparationException; it must come back as a validation error.
        catch (ScriptPreparationException ex) when (ex.InnerException is Acornima.ParseErrorException parse)
        {
            return SyntaxError(parse);
        }
        catch (Acornima.ParseErrorException ex)
        {
            return SyntaxError(ex);
        }
    }

    private static string SyntaxError(Acornima.ParseErrorException ex) =>
        $"JavaScript syntax error: {ex.Description} (line {ex.LineNumber}, column {ex.Column})";

    /// <summary>
    /// Binary buffers and typed arrays are allocated in one step, outside Jint's memory and array-size checks
    /// (<c>new ArrayBuffer(2 ** 31 - 1)</c> takes 2 GiB at once). Expressions have no use for them, so they are removed.
    /// </summary>
    private static readonly string[] BinaryBufferGlobals =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray",
        "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array",
        "BigInt64Array", "BigUint64Array",
    ];

    private static void RemoveBinaryBuffers(JsEngine engine)
    {
        foreach (var name in BinaryBufferGlobals)
            engine.Global.Delete(name);
    }

    private static string? ScriptOf(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();

    private static void Bind(JsEngine engine, ExpressionContext context)
    {
        JavaScriptApi.Bind(engine, context, node => FromJson(engine, node), value => ToJson(engine, value));
        // This service's earlier names, kept so that scripts written for it still run (Elsa has none of them).
        engine.SetValue("getWorkflowInput", new Func<string, JsValue>(name =>
            context.Input.TryGetValue(name, out var v) ? FromJson(engine, v) : JsValue.Undefined));
        engine.SetValue("variables", FromJson(engine, new JsonObject(context.Variables.Select(kv =>
            KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))));
        engine.SetValue("input", FromJson(engine, new JsonObject(context.Input.Select(kv =>
            KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))));
        engine.SetValue("workflowInstanceId", context.WorkflowInstanceId);
        engine.SetValue("definitionId", context.DefinitionId);
        engine.SetValue("correlationId", context.CorrelationId is null ? JsValue.Null : new JsString(context.CorrelationId));
    }

    // Values cross the sandbox boundary as JSON text, so no CLR object is ever exposed to a script.
    private static JsValue FromJson(JsEngine engine, JsonNode? node) =>
        node is null ? JsValue.Null : new Jint.Native.Json.JsonParser(engine).Parse(node.ToJsonString());

    private static JsonNode? ToJson(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        if (value.IsString()) return JsonValue.Create(value.AsString());
        if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
        if (value.IsNumber())
        {
            var d = value.AsNumber();
            return d == Math.Floor(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);
        }
        if (value.IsDate()) return JsonValue.Create(value.AsDate().ToDateTime().ToString("O"));
        var text = new Jint.Native.Json.JsonSerializer(engine).Serialize(value).ToString();
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}

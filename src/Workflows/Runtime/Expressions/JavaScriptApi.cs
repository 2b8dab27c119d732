using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using JsEngine = Jint.Engine;

namespace Workflows.Runtime.Expressions;

/// <summary>
/// The functions Elsa 3.8's JavaScript module gives every script (its <c>ConfigureEngineWith…</c> handlers):
/// <c>getInput</c>, <c>getWorkflowInstanceId</c>, <c>getCorrelationId</c>/<c>setCorrelationId</c>,
/// <c>getVariable</c>/<c>setVariable</c>, <c>isNullOrEmpty</c>, <c>isNullOrWhiteSpace</c>, <c>newGuid</c>,
/// <c>newGuidString</c>, <c>newShortGuid</c>, <c>toJson</c>, <c>parseGuid</c>, <c>getOutputFrom</c>,
/// <c>getLastResult</c>, and the generated accessors <c>get{Variable}()</c>/<c>set{Variable}(value)</c>,
/// <c>get{Input}()</c> and <c>get{Output}From{Activity}()</c>. Values cross the sandbox as JSON.
/// </summary>
public static class JavaScriptApi
{
    /// <summary>Names that are taken by the functions above, so a generated accessor never replaces one.</summary>
    public static readonly IReadOnlySet<string> CommonFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        "getInput", "getWorkflowInstanceId", "getCorrelationId", "setCorrelationId", "getVariable", "setVariable",
        "isNullOrEmpty", "isNullOrWhiteSpace", "newGuid", "newGuidString", "newShortGuid", "toJson", "parseGuid",
        "getOutputFrom", "getLastResult", "getWorkflowDefinitionId", "getWorkflowInput",
    };

    internal static void Bind(JsEngine engine, ExpressionContext context, Func<JsonNode?, JsValue> fromJson, Func<JsValue, JsonNode?> toJson)
    {
        JsValue Variable(string name) => context.Variables.TryGetValue(name, out var v) ? fromJson(v) : JsValue.Undefined;
        void SetVariable(string name, JsValue value) => context.Variables[name] = context.ConvertVariable(name, toJson(value));
        JsValue Input(string name) => context.Input.TryGetValue(name, out var v) ? fromJson(v) : JsValue.Undefined;

        engine.SetValue("getVariable", new Func<string, JsValue>(Variable));
        engine.SetValue("setVariable", new Action<string, JsValue>(SetVariable));
        engine.SetValue("getInput", new Func<string, JsValue>(Input));
        engine.SetValue("getWorkflowInstanceId", new Func<string>(() => context.WorkflowInstanceId));
        engine.SetValue("getWorkflowDefinitionId", new Func<string>(() => context.DefinitionId));
        engine.SetValue("getCorrelationId", new Func<JsValue>(() => context.CorrelationId is null ? JsValue.Null : new JsString(context.CorrelationId)));
        engine.SetValue("setCorrelationId", new Action<JsValue>(value =>
        {
            context.CorrelationId = value.IsNull() || value.IsUndefined() ? null : value.ToString();
            context.CorrelationIdChanged?.Invoke(context.CorrelationId);
        }));
        engine.SetValue("isNullOrEmpty", new Func<JsValue, bool>(value => value.IsNull() || value.IsUndefined() || value.ToString().Length == 0));
        engine.SetValue("isNullOrWhiteSpace", new Func<JsValue, bool>(value =>
            value.IsNull() || value.IsUndefined() || string.IsNullOrWhiteSpace(value.ToString())));
        engine.SetValue("newGuid", new Func<string>(() => Guid.NewGuid().ToString()));
        engine.SetValue("newGuidString", new Func<string>(() => Guid.NewGuid().ToString()));
        engine.SetValue("newShortGuid", new Func<string>(ShortGuid));
        engine.SetValue("parseGuid", new Func<string, string>(text => Guid.Parse(text).ToString()));
        engine.SetValue("toJson", new Func<JsValue, string>(value => toJson(value)?.ToJsonString() ?? "null"));
        engine.SetValue("getOutputFrom", new Func<string, JsValue, JsValue>((activity, output) => OutputFrom(context, activity, output, fromJson)));
        engine.SetValue("getLastResult", new Func<JsValue>(() => fromJson(context.LastResult)));

        foreach (var name in context.DeclaredVariables.Where(IsIdentifier))
        {
            var accessor = Capitalize(name);
            if (CommonFunctions.Contains("get" + accessor)) continue;
            engine.SetValue("get" + accessor, new Func<JsValue>(() => Variable(name)));
            engine.SetValue("set" + accessor, new Action<JsValue>(value => SetVariable(name, value)));
        }
        foreach (var name in context.DeclaredInputs.Where(IsIdentifier))
        {
            var accessor = "get" + Capitalize(name);
            if (!CommonFunctions.Contains(accessor) && !context.DeclaredVariables.Any(v => "get" + Capitalize(v) == accessor))
                engine.SetValue(accessor, new Func<JsValue>(() => Input(name)));
        }
        foreach (var (activity, outputs) in context.ActivityOutputs.Where(kv => IsIdentifier(kv.Key)))
            foreach (var output in outputs.Select(kv => kv.Key).Where(IsIdentifier))
            {
                var key = output;
                engine.SetValue($"get{Capitalize(output)}From{Capitalize(activity)}",
                    new Func<JsValue>(() => fromJson(outputs[key])));
            }
    }

    private static JsValue OutputFrom(ExpressionContext context, string activity, JsValue output, Func<JsonNode?, JsValue> fromJson)
    {
        if (!context.ActivityOutputs.TryGetValue(activity, out var outputs)) return JsValue.Undefined;
        var name = output.IsNull() || output.IsUndefined() ? "Output" : output.ToString();
        var key = outputs.Select(kv => kv.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (key is null && output.IsUndefined() && outputs.Count > 0)
            key = outputs.Select(kv => kv.Key).FirstOrDefault(k => k is "Result" or "Output") ?? outputs.First().Key;
        return key is null ? JsValue.Undefined : fromJson(outputs[key]);
    }

    /// <summary>The type declarations Studio's editor offers for a definition, matching what <see cref="Bind"/> provides.</summary>
    public static string TypeDefinitions(IReadOnlyCollection<string> variables, IReadOnlyCollection<string> inputs,
        IReadOnlyCollection<(string Activity, string Output)> activityOutputs)
    {
        var variableType = variables.Count == 0 ? "string" : string.Join(" | ", variables.Select(Quote));
        var lines = new List<string>
        {
            $"type VariableName = {variableType};",
            "/** Reads a workflow variable. */", "declare function getVariable(name: VariableName): any;",
            "/** Sets a workflow variable. */", "declare function setVariable(name: VariableName, value: any): void;",
            "/** Reads a workflow input. */", "declare function getInput(name: string): any;",
            "declare function getWorkflowInstanceId(): string;",
            "declare function getWorkflowDefinitionId(): string;",
            "declare function getCorrelationId(): string | null;",
            "declare function setCorrelationId(value: string | null): void;",
            "declare function isNullOrEmpty(value: string | null | undefined): boolean;",
            "declare function isNullOrWhiteSpace(value: string | null | undefined): boolean;",
            "declare function newGuid(): string;",
            "declare function newGuidString(): string;",
            "declare function newShortGuid(): string;",
            "declare function parseGuid(value: string): string;",
            "declare function toJson(value: any): string;",
            "/** The output of an earlier activity, by its id or name (and the output's name). */",
            "declare function getOutputFrom(activityIdOrName: string, outputName?: string): any;",
            "/** The result of the activity that ran last. */",
            "declare function getLastResult(): any;",
        };
        foreach (var name in variables.Where(IsIdentifier).Where(n => !CommonFunctions.Contains("get" + Capitalize(n))))
        {
            lines.Add($"declare function get{Capitalize(name)}(): any;");
            lines.Add($"declare function set{Capitalize(name)}(value: any): void;");
        }
        foreach (var name in inputs.Where(IsIdentifier).Where(n => !CommonFunctions.Contains("get" + Capitalize(n))))
            lines.Add($"declare function get{Capitalize(name)}(): any;");
        foreach (var (activity, output) in activityOutputs.Where(x => IsIdentifier(x.Activity) && IsIdentifier(x.Output)))
            lines.Add($"declare function get{Capitalize(output)}From{Capitalize(activity)}(): any;");
        return string.Join('\n', lines.Distinct()) + "\n";
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string ShortGuid() =>
        Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('/', '_').Replace('+', '-')[..22];

    private static string Capitalize(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}

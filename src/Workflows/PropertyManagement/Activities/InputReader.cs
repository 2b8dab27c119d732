using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Activities;

namespace Workflows.PropertyManagement.Activities;

/// <summary>Reads the shared inputs from an executing activity; bad values fail with the input named.</summary>
internal static class InputReader
{
    public static string? Text(IActivityInputs context, string name)
    {
        var node = context.GetInputNode(name);
        var text = node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => node.ToJsonString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static string RequiredText(IActivityInputs context, string name, string label) =>
        Text(context, name) ?? throw new InvalidOperationException($"{name}: 请填写“{label}”。");

    public static bool Flag(IActivityInputs context, string name) => context.GetInputNode(name) switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => bool.TryParse(s, out var b) && b,
        _ => false,
    };

    public static int Number(IActivityInputs context, string name)
    {
        var node = context.GetInputNode(name);
        if (node is null) return 0;
        if (node is JsonValue v)
        {
            if (v.TryGetValue<int>(out var i)) return i;
            if (v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue) return (int)l;
            if (v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue) return (int)d;
            if (v.TryGetValue<string>(out var s))
            {
                if (string.IsNullOrWhiteSpace(s)) return 0;
                if (int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return parsed;
            }
        }
        throw new InvalidOperationException($"{name}: “{node.ToJsonString()}”不是整数。");
    }

    public static Actor Office(IActivityInputs context, string name, Actor fallback)
    {
        var actor = Actor(context, name, fallback);
        if (!actor.IsOffice())
            throw new InvalidOperationException($"{name}: 办理单位必须是社区、街道办、区住建局或区领导小组，不能是“{actor.ChineseName()}”。");
        return actor;
    }

    public static Actor Actor(IActivityInputs context, string name, Actor fallback)
    {
        var text = Text(context, name);
        if (text is null) return fallback;
        return Actors.TryParse(text, out var actor)
            ? actor
            : throw new InvalidOperationException($"{name}: 未知的单位或当事人“{text}”。");
    }

    public static Actor? OptionalActor(IActivityInputs context, string name)
    {
        var text = Text(context, name);
        if (text is null) return null;
        return Actors.TryParse(text, out var actor)
            ? actor
            : throw new InvalidOperationException($"{name}: 未知的单位或当事人“{text}”。");
    }

    public static DeadlineRequest Deadline(IActivityInputs context, bool officeFiling) => new(
        Number(context, "Period"),
        Text(context, "PeriodUnit"),
        Flag(context, "Before"),
        Text(context, "CountedFrom"),
        Text(context, "AlternativePeriod"),
        officeFiling);

    public static IReadOnlyList<string> Outcomes(IActivityInputs context) => OutcomeList(context.GetInputNode("Outcomes"));

    /// <summary>Outcomes from an evaluated value: a JSON array, or a string holding one (or a comma list).</summary>
    public static IReadOnlyList<string> OutcomeList(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : x?.ToJsonString() ?? "")
            .Where(s => s.Length > 0).Distinct().ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('[') => OutcomeList(TryParse(s)),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList(),
        _ => [],
    };

    /// <summary>Form fields from JSON: an array of field names, or of {name, label, type, required, options, default}.</summary>
    public static IReadOnlyList<FormField> FormFields(IActivityInputs context)
    {
        var node = context.GetInputNode("FormFields");
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
            node = string.IsNullOrWhiteSpace(s) ? null : TryParse(s) ?? throw new InvalidOperationException("FormFields: 表单字段不是有效的 JSON 数组。");
        if (node is null) return [];
        if (node is not JsonArray array) throw new InvalidOperationException("FormFields: 表单字段应为 JSON 数组。");
        var fields = new List<FormField>();
        foreach (var item in array)
        {
            switch (item)
            {
                case JsonValue name when name.TryGetValue<string>(out var n) && n.Length > 0:
                    fields.Add(new FormField(n, n));
                    break;
                case JsonObject o when o["name"] is JsonValue nv && nv.TryGetValue<string>(out var n) && n.Length > 0:
                    var type = o["type"]?.GetValue<string>() ?? FormFieldTypes.Text;
                    if (!FormFieldTypes.All.Contains(type))
                        throw new InvalidOperationException($"FormFields: 字段“{n}”的类型“{type}”无效（应为 {string.Join("、", FormFieldTypes.All)}）。");
                    fields.Add(new FormField(n, o["label"]?.GetValue<string>() ?? n, type,
                        o["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req,
                        (o["options"] as JsonArray)?.Select(x => x?.ToString() ?? "").ToList(),
                        o["default"]?.ToString()));
                    break;
                default:
                    throw new InvalidOperationException($"FormFields: 无法识别的字段 {item?.ToJsonString()}。");
            }
        }
        return fields;
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

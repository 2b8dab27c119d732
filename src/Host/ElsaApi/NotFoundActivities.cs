using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Definitions;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// Studio draws a blank canvas, without any message, when one activity's (type, version) has no descriptor.
/// Like Elsa, such activities are shown as <c>Elsa.NotFoundActivity</c> placeholders that carry the original
/// JSON, and a save puts the original back, so the validator can name the unknown type and nothing is lost.
/// </summary>
internal static class NotFoundActivities
{
    public const string TypeName = "Elsa.NotFoundActivity";
    private const string OutcomesInput = "MissingOutcomes";
    private const string OutcomesKey = "missingOutcomes";

    /// <summary>
    /// The placeholder's outcome ports come from a hidden dynamic-outcomes input, filled with the ports the
    /// original activity's connections leave from; otherwise those connections would point at missing ports.
    /// </summary>
    public static readonly ActivityDescriptor Descriptor = new()
    {
        TypeName = TypeName,
        Name = "NotFoundActivity",
        Namespace = "Elsa",
        Category = "系统",
        DisplayName = "未找到的活动 (Not found)",
        Description = "定义中引用了本服务没有的活动类型或版本。请删除或替换此活动。",
        IsBrowsable = false,
        IsTerminal = true,
        Inputs =
        [
            new InputDescriptor
            {
                Name = OutcomesInput, TypeName = "List<String>", DisplayName = "原有出口", UiHint = UiHints.DynamicOutcomes,
                IsBrowsable = false, DefaultSyntax = "Object",
            },
        ],
    };

    /// <summary>Replaces, in place, every activity without a descriptor in this flowchart and nested ones.</summary>
    public static void Substitute(JsonObject flowchart, ActivityRegistry registry)
    {
        if (flowchart["activities"] is not JsonArray activities) return;
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i] is not JsonObject activity) continue;
            var type = ActivityJson.Type(activity);
            if (type == TypeName) continue;
            if (type is not null && registry.Find(type, ActivityJson.Version(activity)) is not null)
            {
                if (ActivityJson.IsFlowchart(activity)) Substitute(activity, registry);
                continue;
            }
            activities[i] = Placeholder(activity, OutcomesOf(flowchart, ActivityJson.Id(activity)));
        }
    }

    /// <summary>Puts the original activities back (keeping where the designer moved the placeholder).</summary>
    public static void Restore(JsonObject flowchart)
    {
        if (flowchart["activities"] is not JsonArray activities) return;
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i] is not JsonObject activity) continue;
            if (ActivityJson.Type(activity) != TypeName)
            {
                if (ActivityJson.IsFlowchart(activity)) Restore(activity);
                continue;
            }
            if (Original(activity) is not { } original) continue;
            if (activity["metadata"]?["designer"] is JsonObject designer)
                (original["metadata"] as JsonObject ?? (JsonObject)(original["metadata"] = new JsonObject()))["designer"] = designer.DeepClone();
            activities[i] = original;
        }
    }

    private static JsonObject Placeholder(JsonObject activity, IReadOnlyList<string> outcomes)
    {
        var type = ActivityJson.Type(activity) ?? "(none)";
        var version = ActivityJson.Version(activity);
        var metadata = activity["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : new JsonObject();
        metadata["displayText"] = $"未找到: {type}";
        metadata["description"] = $"本服务没有活动类型 {type} 版本 {version}";
        var placeholder = new JsonObject
        {
            ["id"] = activity["id"]?.DeepClone(),
            ["nodeId"] = activity["nodeId"]?.DeepClone(),
            ["name"] = activity["name"]?.DeepClone() ?? activity["id"]?.DeepClone(),
            ["type"] = TypeName,
            ["version"] = 1,
            ["customProperties"] = activity["customProperties"]?.DeepClone() ?? new JsonObject(),
            ["metadata"] = metadata,
            ["missingTypeName"] = type,
            ["missingTypeVersion"] = version,
            ["originalActivityJson"] = activity.ToJsonString(),
            [OutcomesKey] = new JsonObject
            {
                ["typeName"] = "List<String>",
                ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = JsonSerializer.Serialize(outcomes) },
            },
        };
        return ElsaShapes.WithoutNulls(placeholder);
    }

    private static List<string> OutcomesOf(JsonObject flowchart, string? activityId) =>
        ActivityJson.Connections(flowchart).Select(Connection.From)
            .Where(c => c is not null && c.Source == activityId)
            .Select(c => c!.SourcePort).Distinct(StringComparer.Ordinal).ToList();

    private static JsonObject? Original(JsonObject placeholder)
    {
        if (placeholder["originalActivityJson"] is not JsonValue v || !v.TryGetValue<string>(out var json)) return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

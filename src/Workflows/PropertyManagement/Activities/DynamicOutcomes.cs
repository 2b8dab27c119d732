using System.Text.Json.Nodes;

namespace Workflows.PropertyManagement.Activities;

/// <summary>
/// Reads the outcomes configured on an activity's JSON (its <c>outcomes</c> input) without running it, so that the
/// validator can check connections against the ports the designer shows. Only Literal and Object expressions can
/// be known in advance.
/// </summary>
internal static class DynamicOutcomes
{
    public static IReadOnlyList<string> Configured(JsonObject activityJson)
    {
        var raw = activityJson["outcomes"];
        if (raw is JsonObject wrapped && wrapped["expression"] is JsonObject expression)
        {
            var type = expression["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : "Literal";
            return type is "Literal" or "Object" ? InputReader.OutcomeList(expression["value"]) : [];
        }
        return raw is JsonArray or JsonValue ? InputReader.OutcomeList(raw) : [];
    }
}

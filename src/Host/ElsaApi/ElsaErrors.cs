using System.Text.Json.Nodes;
using Workflows.Runtime;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// 400 bodies Studio shows as a snackbar: <c>errors</c> is an object of string arrays, keyed by the activity
/// and property so an admin knows where to look.
/// </summary>
internal static class ElsaErrors
{
    public static IResult Validation(IReadOnlyList<ValidationError> errors)
    {
        var byKey = new JsonObject();
        foreach (var group in errors.GroupBy(e => e.ActivityId is null ? e.Property : $"{e.ActivityId}.{e.Property}"))
            byKey[group.Key] = new JsonArray(group.Select(e => (JsonNode)e.Message).ToArray());
        var body = new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            ["title"] = "工作流定义无效 (The workflow definition is not valid)",
            ["status"] = 400,
            ["detail"] = string.Join("; ", errors),
            ["errors"] = byKey,
        };
        return Results.Json(body, statusCode: 400, contentType: "application/problem+json");
    }

    public static IResult BadRequest(string field, string message) =>
        Validation([new ValidationError(null, field, message)]);
}

using System.Text.Json.Nodes;
using Workflows.Runtime;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// Error bodies in the form Studio shows as a snackbar: <c>errors</c> is an object of string arrays, keyed by
/// the field (or activity and property) so an admin knows where to look.
/// </summary>
internal static class ElsaErrors
{
    public static IResult Validation(IReadOnlyList<ValidationError> errors)
    {
        var byKey = errors.GroupBy(e => e.ActivityId is null ? e.Property : $"{e.ActivityId}.{e.Property}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToList());
        return Problem(400, "工作流定义无效 (The workflow definition is not valid)", byKey);
    }

    public static IResult BadRequest(string field, string message) =>
        Problem(400, "请求无效 (The request is not valid)", new Dictionary<string, List<string>> { [field] = [message] });

    public static IResult BadRequest(IReadOnlyDictionary<string, List<string>> errors) =>
        Problem(400, "请求无效 (The request is not valid)", errors);

    /// <summary>404 naming the id that was not found; Studio treats any 404 body alike.</summary>
    public static IResult NotFound(string field, string message) =>
        Problem(404, "未找到 (Not found)", new Dictionary<string, List<string>> { [field] = [message] });

    /// <summary>409: someone else changed the same thing at the same moment; retrying is the answer.</summary>
    public static IResult Conflict(string field, string message) =>
        Problem(409, "冲突 (Conflict)", new Dictionary<string, List<string>> { [field] = [message] });

    private static IResult Problem(int status, string title, IReadOnlyDictionary<string, List<string>> errors)
    {
        var byKey = new JsonObject();
        foreach (var (key, messages) in errors)
            byKey[key] = new JsonArray(messages.Select(m => (JsonNode)m).ToArray());
        var body = new JsonObject
        {
            ["type"] = status switch
            {
                404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                _ => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            },
            ["title"] = title,
            ["status"] = status,
            ["detail"] = string.Join("; ", errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}"))),
            ["errors"] = byKey,
        };
        return Results.Json(body, ElsaShapes.Json, contentType: "application/problem+json", statusCode: status);
    }
}

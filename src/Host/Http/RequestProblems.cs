using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Workflows.Host.Http;

/// <summary>
/// The problem-details bodies of a request the service cannot read: a status, a title in the caller's language
/// (Chinese first) and <c>errors</c> keyed by the field at fault (or <c>body</c> / the header) with the reason.
/// </summary>
internal static class RequestProblems
{
    public static Task WriteAsync(HttpContext context, int status, string field, string reason)
    {
        var chinese = RequestText.IsChineseFor(context);
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = status,
            Title = Title(status, chinese),
            Detail = reason,
            Type = status == StatusCodes.Status413PayloadTooLarge
                ? "https://tools.ietf.org/html/rfc9110#section-15.5.14"
                : "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        return Results.Problem(problem).ExecuteAsync(context);
    }

    public static string Title(int status, bool chinese) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => chinese ? "请求正文过大 / The request body is too large." : "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => chinese ? "不支持的内容类型 / Unsupported content type." : "Unsupported content type.",
        StatusCodes.Status408RequestTimeout => chinese ? "请求超时 / The request timed out." : "The request timed out.",
        _ => chinese ? "请求无效 / The request is not valid." : "The request is not valid.",
    };

    public static string TooLarge(HttpContext context, long limit) => RequestText.Pick(context,
        $"请求正文超过 {Size(limit)} 的上限 / The body exceeds the limit of {Size(limit)}.",
        $"The body exceeds the limit of {Size(limit)}.");

    /// <summary>The field a JSON error is about (<c>$.input.name</c> → <c>input.name</c>; the whole body → <c>body</c>).</summary>
    public static string FieldOf(JsonException exception, string fallback)
    {
        var path = exception.Path;
        if (string.IsNullOrEmpty(path) || path == "$") return fallback;
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>Neither a wrong type, too deep nesting nor bad text: the JSON itself is broken.</summary>
    public static bool IsSyntaxError(JsonException exception)
    {
        var message = exception.Message + " " + exception.InnerException?.Message;
        return !message.Contains("could not be converted", StringComparison.Ordinal)
               && !message.Contains("depth", StringComparison.OrdinalIgnoreCase)
               && !IsBadText(message);
    }

    private static bool IsBadText(string message) =>
        message.Contains("UTF-8", StringComparison.Ordinal) || message.Contains("UTF-16", StringComparison.Ordinal)
        || message.Contains("surrogate", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why System.Text.Json refused the body, in words an API user understands.</summary>
    public static string JsonReason(HttpContext context, JsonException exception, string field)
    {
        var message = exception.Message + " " + exception.InnerException?.Message;
        var position = exception.LineNumber is { } line
            ? RequestText.Pick(context, $"（第 {line + 1} 行第 {exception.BytePositionInLine + 1} 个字节附近）", $" (near line {line + 1}, byte {exception.BytePositionInLine + 1})")
            : "";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return RequestText.Pick(context, $"字段“{field}”的值类型不正确 / The value of '{field}' has the wrong type.",
                $"The value of '{field}' has the wrong type.");
        if (message.Contains("depth", StringComparison.OrdinalIgnoreCase))
            return RequestText.Pick(context, $"JSON 嵌套层数过多{position} / The JSON is nested too deeply.", $"The JSON is nested too deeply{position}.");
        if (IsBadText(message))
            return InvalidText(context, field);
        return RequestText.Pick(context, $"请求正文不是有效的 JSON{position} / The body is not valid JSON.", $"The body is not valid JSON{position}.");
    }

    public static string InvalidText(HttpContext context, string field) => RequestText.Pick(context,
        $"字段“{field}”含有无效的字符编码（无效的 UTF-8 或不成对的代理项）/ '{field}' holds invalid text (bad UTF-8 or a lone surrogate).",
        $"'{field}' holds invalid text (bad UTF-8 or a lone surrogate).");

    private static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : bytes % 1024 == 0 ? $"{bytes / 1024} KB" : $"{bytes} B";
}

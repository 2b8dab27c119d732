using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Workflows.Host.Http;

/// <summary>
/// The one place where a request the service cannot read becomes a 4xx problem body naming the field or the
/// reason, in Development and Production alike (minimal APIs throw their binding failures everywhere, see
/// <see cref="HttpSetup"/>): unreadable or mistyped JSON, a body over the route's limit, a form without its
/// antiforgery token, a query value of the wrong type. Anything else is left to the default handler (500).
/// </summary>
internal sealed partial class BadRequestExceptionHandler(ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Classify(context, exception) is not { } problem) return false;
        logger.LogInformation("Refused {Method} {Path}: {Status} {Field}: {Reason}",
            context.Request.Method, context.Request.Path.Value, problem.Status, problem.Field, problem.Reason);
        await RequestProblems.WriteAsync(context, problem.Status, problem.Field, problem.Reason);
        return true;
    }

    private sealed record Problem(int Status, string Field, string Reason);

    private static Problem? Classify(HttpContext context, Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException bad:
            {
                var parameter = ParameterName(bad.Message) ?? "body";
                if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
                    return new(413, "body", RequestProblems.TooLarge(context, context.RequestServices
                        .GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLimitsOptions>>().Value.LimitFor(context.Request)));
                return bad.InnerException switch
                {
                    JsonException json => Json(context, json, parameter),
                    AntiforgeryValidationException => Antiforgery(context),
                    _ when bad.StatusCode == StatusCodes.Status415UnsupportedMediaType => new(415, "Content-Type", RequestText.Pick(context,
                        "请以 application/json 发送请求正文 / Send the body as application/json.", "Send the body as application/json.")),
                    _ when bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
                           || bad.Message.Contains("was not provided from body", StringComparison.OrdinalIgnoreCase) =>
                        new(400, "body", RequestText.Pick(context, "缺少请求正文 / The request body is missing.", "The request body is missing.")),
                    _ when bad.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) ||
                           bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) =>
                        new(400, parameter, RequestText.Pick(context, $"参数“{parameter}”缺失或格式不正确 / '{parameter}' is missing or malformed.",
                            $"'{parameter}' is missing or malformed.")),
                    InvalidDataException data => new(400, "body", RequestText.Pick(context, $"无法读取表单：{data.Message} / The form cannot be read.",
                        $"The form cannot be read: {data.Message}")),
                    _ => new(bad.StatusCode, "body", RequestText.Pick(context, $"请求无法读取 / The request cannot be read: {bad.Message}", bad.Message)),
                };
            }
            case JsonException json:
                return Json(context, json, "body");
            case AntiforgeryValidationException:
                return Antiforgery(context);
            default:
                return null;
        }
    }

    private static Problem Json(HttpContext context, JsonException json, string parameter)
    {
        var field = RequestProblems.FieldOf(json, parameter);
        return new(400, field, RequestProblems.JsonReason(context, json, field));
    }

    private static Problem Antiforgery(HttpContext context) => new(400, Security.SecuritySetup.FormFieldName, RequestText.Pick(context,
        "表单已过期或缺少防伪令牌，请刷新页面后重试 / The form has expired or lacks its antiforgery token; reload the page and try again.",
        "The form has expired or lacks its antiforgery token; reload the page and try again."));

    /// <summary>Minimal APIs name the parameter as <c>"Type name"</c> in their messages; the name is the field.</summary>
    private static string? ParameterName(string message) =>
        ParameterPattern().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("parameter \"(?:[^\"]* )?([^\" ]+)\"")]
    private static partial Regex ParameterPattern();
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary>Problem details that name the field at fault, as every bad-input answer of this API does.</summary>
internal static class ApiResults
{
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "请求参数有误 / One or more fields are invalid.");

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string field, string message) =>
        TypedResults.Problem(title: message, statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    /// <summary>422: the request is well-formed but its consequences cannot be computed now; nothing was stored.</summary>
    public static ProblemHttpResult Unprocessable(string message) =>
        TypedResults.Problem(title: message, statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult Conflict(string message) =>
        TypedResults.Problem(title: message, statusCode: StatusCodes.Status409Conflict);
}

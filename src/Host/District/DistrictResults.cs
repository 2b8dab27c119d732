using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.PropertyManagement.Api;

namespace Workflows.Host.District;

/// <summary>A register result as the API's typed answer: 200/201 with the entry, 400 naming the fields, 404, or 409 with the reason.</summary>
internal static class DistrictResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(RegisterResult result) => result switch
    {
        RegisterResult.Done done => TypedResults.Ok((T)done.View),
        RegisterResult.Invalid invalid => ApiResults.Invalid(invalid.Errors),
        RegisterResult.NotFound missing => ApiResults.NotFound(missing.Field, missing.Message),
        RegisterResult.Conflict conflict => ApiResults.Conflict(conflict.Message),
        _ => throw new InvalidOperationException($"Unexpected result {result}."),
    };

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(RegisterResult result, Func<T, string> location) => result switch
    {
        RegisterResult.Done done => TypedResults.Created(location((T)done.View), (T)done.View),
        RegisterResult.Invalid invalid => ApiResults.Invalid(invalid.Errors),
        RegisterResult.NotFound missing => ApiResults.NotFound(missing.Field, missing.Message),
        RegisterResult.Conflict conflict => ApiResults.Conflict(conflict.Message),
        _ => throw new InvalidOperationException($"Unexpected result {result}."),
    };
}

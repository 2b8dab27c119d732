using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.PropertyManagement.Cases;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary><c>/api/cases</c>: start a procedure for a compound; read a case. <c>/api/procedures</c>: what can be started.</summary>
internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", StartAsync).WithName("StartCase");
        api.MapGet("/cases/{caseId}", GetAsync).WithName("GetCase");
        api.MapGet("/procedures", () => TypedResults.Ok(ProcedureCatalog.All));
        return api;
    }

    private static async Task<Results<Created<CaseStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartCaseRequest? request, CaseStarter starter, HttpContext http, CancellationToken ct)
    {
        if (request is null) return ApiResults.Invalid("body", "请求体应为 {\"procedure\",\"compoundId\",\"input\"}。");
        var result = await starter.StartAsync(request, http.User.Identity?.Name, ct);
        return result switch
        {
            CaseStarter.Started s => TypedResults.Created($"/api/cases/{s.Case.CaseId}", s.Case),
            CaseStarter.Invalid i => ApiResults.Invalid(i.Errors),
            CaseStarter.UnknownCompound u => ApiResults.NotFound("compoundId", $"小区“{u.CompoundId}”不存在。"),
            _ => throw new InvalidOperationException($"Unexpected result {result}."),
        };
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(string caseId, CaseQueries queries, CancellationToken ct) =>
        await queries.GetAsync(caseId, ct) is { } view
            ? TypedResults.Ok(view)
            : ApiResults.NotFound("caseId", $"案件“{caseId}”不存在。");
}

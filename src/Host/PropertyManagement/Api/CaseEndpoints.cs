using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Cases;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary><c>/api/cases</c>: start a procedure for a compound; read a case. <c>/api/procedures</c>: what can be started.</summary>
internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", StartAsync).WithName("StartCase").WithSummary("为小区启动法定程序 / Start a procedure for a compound").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/cases/{caseId}", GetAsync).WithName("GetCase").WithSummary("案件详情 / A case with its tasks, filings and deadlines").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/procedures", () => TypedResults.Ok(ProcedureCatalog.All)).WithSummary("可启动的法定程序 / The procedures that can be started");
        return api;
    }

    private static async Task<Results<Created<CaseStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartCaseRequest? request, CaseStarter starter, HttpContext http, UnitGuard guard, ICurrentOfficer officer, CancellationToken ct)
    {
        if (request is null) return ApiResults.Invalid("body", "请求体应为 {\"procedure\",\"compoundId\",\"input\"}。");
        // Starting a case is casework: officers whose reach includes the compound, and machine clients; not admins.
        if (!string.IsNullOrWhiteSpace(request.CompoundId)
            && (!await guard.CanSeeAsync("compound", request.CompoundId, request.CompoundId, ct) || (officer.IsAdmin && !officer.IsMachine)))
            return ApiResults.NotFound("compoundId", $"小区“{request.CompoundId}”不存在。");
        var result = await starter.StartAsync(request, http.User.Identity?.Name, ct);
        return result switch
        {
            CaseStarter.Started s => TypedResults.Created($"/api/cases/{s.Case.CaseId}", s.Case),
            CaseStarter.Invalid i => ApiResults.Invalid(i.Errors),
            CaseStarter.UnknownCompound u => ApiResults.NotFound("compoundId", $"小区“{u.CompoundId}”不存在。"),
            _ => throw new InvalidOperationException($"Unexpected result {result}."),
        };
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(string caseId, CaseQueries queries, UnitGuard guard, CancellationToken ct) =>
        await queries.GetAsync(caseId, ct) is { } view && await guard.CanSeeAsync("case", caseId, view.Compound.Id, ct)
            ? TypedResults.Ok(view)
            : ApiResults.NotFound("caseId", $"案件“{caseId}”不存在。");
}

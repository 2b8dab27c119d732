using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Workspace.Cases;
using Workflows.Host.Workspace.Listing;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Cases;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary><c>/api/cases</c>: start a procedure for a compound; read a case. <c>/api/procedures</c>: what can be started.</summary>
internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", StartAsync).WithName("StartCase").WithSummary("为小区启动法定程序 / Start a procedure for a compound").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/cases", ListAsync).WithName("ListCases").ProducesValidationProblem()
            .WithSummary("案件列表（分页），新案在前 / The cases within reach, one page, newest first")
            .WithDescription("筛选：procedure、compoundId、status（Open、Closed、Cancelled、Faulted）、unit（街道或社区）、q（案件编号或流程实例编号精确匹配，否则按标题即小区名称开头匹配）、"
                             + "sort=oldest；page 从 1 开始，pageSize 1–200（默认 50）。/ Filters: procedure, compoundId, status, unit (a street or community), q (a case or "
                             + "instance id exactly, else the start of the title, i.e. the compound's name), sort=oldest; page from 1, pageSize 1–200 (default 50).");
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

    private static async Task<Results<Ok<ListPage<CaseListItem>>, ValidationProblem>> ListAsync(string? procedure, string? compoundId, string? status,
        string? unit, string? q, string? sort, int? page, int? pageSize, CaseListQuery cases, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(status) && !CaseListQuery.Statuses.Contains(status))
            errors["status"] = [$"status 应为 {string.Join("、", CaseListQuery.Statuses)} 之一。"];
        if (!string.IsNullOrEmpty(sort) && sort is not ("newest" or "oldest")) errors["sort"] = ["sort 应为 newest 或 oldest。"];
        var request = PageRequest.Read(page, pageSize, errors);
        if (errors.Count > 0 || request is not { } paging) return ApiResults.Invalid(errors);
        return TypedResults.Ok(await cases.PageAsync(new CaseListFilter(procedure, compoundId, status, unit, q, sort == "oldest"), paging, ct));
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(string caseId, CaseQueries queries, UnitGuard guard, CancellationToken ct) =>
        await queries.GetAsync(caseId, ct) is { } view && await guard.CanSeeAsync("case", caseId, view.Compound.Id, ct)
            ? TypedResults.Ok(view)
            : ApiResults.NotFound("caseId", $"案件“{caseId}”不存在。");
}

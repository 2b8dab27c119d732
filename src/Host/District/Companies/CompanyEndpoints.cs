using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.PropertyManagement.Companies;

namespace Workflows.Host.District.Companies;

/// <summary><c>/api/district/companies</c>: property companies, with the compounds they serve and their credit records.</summary>
internal static class CompanyEndpoints
{
    public static RouteGroupBuilder MapCompanyRegister(this RouteGroupBuilder district)
    {
        var companies = district.MapGroup("/companies");
        companies.MapGet("", async (WorkflowsDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Set<PropertyCompany>().AsNoTracking().ToListAsync(ct)).OrderBy(c => c.Id, StringComparer.Ordinal).Select(CompanyAdminView.From).ToList()))
            .WithSummary("物业服务企业 / Property companies");
        companies.MapGet("/{id}", GetAsync).WithSummary("企业详情：服务小区与信用记录 / A company with its compounds and credit records");
        companies.MapPost("", CreateAsync).WithSummary("新增企业 / Add a company");
        companies.MapPut("/{id}", UpdateAsync).WithSummary("修改企业 / Change a company");
        companies.MapDelete("/{id}", DeleteAsync).WithSummary("删除企业（无服务小区、无信用记录时）/ Delete a company nothing depends on");
        companies.MapPost("/{id}/deactivate", (string id, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct) => SetActiveAsync(id, false, db, admin, ct))
            .WithSummary("停用企业 / Deactivate a company");
        companies.MapPost("/{id}/activate", (string id, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct) => SetActiveAsync(id, true, db, admin, ct))
            .WithSummary("启用企业 / Reactivate a company");
        return district;
    }

    private static async Task<Results<Ok<CompanyDetail>, ProblemHttpResult>> GetAsync(string id, WorkflowsDbContext db, CompanyRegister register, CancellationToken ct) =>
        await db.Set<PropertyCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } company
            ? TypedResults.Ok(await register.DetailAsync(company, ct))
            : ApiResults.NotFound("id", $"物业服务企业“{id}”不存在。");

    private static async Task<Results<Created<CompanyAdminView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CompanyInput? input, CompanyRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        if (input is null) return ApiResults.Invalid("body", "请求体应为 {\"id\",\"name\",\"creditCode\",\"contacts\"}。");
        var result = await admin.SaveAsync(() => register.StageAsync(null, input, StageMode.Create, ct), "id", "", ct);
        return DistrictResults.Created<CompanyAdminView>(result, v => $"/api/district/companies/{v.Id}");
    }

    private static async Task<Results<Ok<CompanyAdminView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, CompanyInput? input, CompanyRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        if (input is null) return ApiResults.Invalid("body", "请求体应为 {\"name\",\"creditCode\",\"contacts\"}。");
        return DistrictResults.Answer<CompanyAdminView>(
            await admin.SaveAsync(() => register.StageAsync(id, input, StageMode.Update, ct), "id", $"物业服务企业“{id}”不存在。", ct));
    }

    private static async Task<Results<Ok<CompanyAdminView>, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, WorkflowsDbContext db, CompanyRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        var company = await db.Set<PropertyCompany>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return DistrictResults.Answer<CompanyAdminView>(await admin.DeleteAsync(company, DistrictAudit.Resources.Company, id, CompanyAdminView.From,
            c => register.DeleteRefusalAsync(c, ct), null, "id", $"物业服务企业“{id}”不存在。", ct));
    }

    private static async Task<Results<Ok<CompanyAdminView>, ValidationProblem, ProblemHttpResult>> SetActiveAsync(
        string id, bool active, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct)
    {
        var company = await db.Set<PropertyCompany>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return DistrictResults.Answer<CompanyAdminView>(await admin.SetActiveAsync(company, DistrictAudit.Resources.Company, id, active, CompanyAdminView.From,
            c => { if (active) c.Activate(); else c.Deactivate(admin.Now); }, "id", $"物业服务企业“{id}”不存在。", ct));
    }
}

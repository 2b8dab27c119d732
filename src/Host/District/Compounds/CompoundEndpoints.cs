using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.District.Compounds;

/// <summary><c>/api/district/compounds</c>: the compounds register.</summary>
internal static class CompoundAdminEndpoints
{
    public static RouteGroupBuilder MapCompoundRegister(this RouteGroupBuilder district)
    {
        var compounds = district.MapGroup("/compounds");
        compounds.MapGet("", async (WorkflowsDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Set<Compound>().AsNoTracking().ToListAsync(ct))
                .OrderBy(c => c.StreetOfficeId, StringComparer.Ordinal).ThenBy(c => c.CommunityId, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
                .Select(CompoundAdminView.From).ToList()))
            .WithSummary("小区登记（含已停用）/ All compounds, deactivated ones included");
        compounds.MapGet("/{id}", GetAsync).WithSummary("小区 / A compound");
        compounds.MapPost("", CreateAsync).WithSummary("新增小区 / Add a compound");
        compounds.MapPut("/{id}", UpdateAsync).WithSummary("修改小区 / Change a compound");
        compounds.MapDelete("/{id}", DeleteAsync).WithSummary("删除小区（无案件、无委员会时）/ Delete a compound nothing depends on");
        compounds.MapPost("/{id}/deactivate", (string id, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct) => SetActiveAsync(id, false, db, admin, ct))
            .WithSummary("停用小区：不能再启动新案件 / Deactivate: no new cases");
        compounds.MapPost("/{id}/activate", (string id, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct) => SetActiveAsync(id, true, db, admin, ct))
            .WithSummary("启用小区 / Reactivate a compound");
        return district;
    }

    private static async Task<Results<Ok<CompoundAdminView>, ProblemHttpResult>> GetAsync(string id, WorkflowsDbContext db, CancellationToken ct) =>
        await db.Set<Compound>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } compound
            ? TypedResults.Ok(CompoundAdminView.From(compound))
            : ApiResults.NotFound("id", $"小区“{id}”不存在。");

    private static async Task<Results<Created<CompoundAdminView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CompoundInput? input, CompoundRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        if (input is null) return ApiResults.Invalid("body", "请求体应为小区登记 {\"id\",\"name\",\"communityId\",\"floorArea\",\"households\",…}。");
        var result = await admin.SaveAsync(() => register.StageAsync(null, input, StageMode.Create, ct), "id", "", ct);
        return DistrictResults.Created<CompoundAdminView>(result, v => $"/api/district/compounds/{v.Id}");
    }

    private static async Task<Results<Ok<CompoundAdminView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, CompoundInput? input, CompoundRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        if (input is null) return ApiResults.Invalid("body", "请求体应为小区登记 {\"name\",\"communityId\",\"floorArea\",\"households\",…}。");
        return DistrictResults.Answer<CompoundAdminView>(
            await admin.SaveAsync(() => register.StageAsync(id, input, StageMode.Update, ct), "id", $"小区“{id}”不存在。", ct));
    }

    private static async Task<Results<Ok<CompoundAdminView>, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, WorkflowsDbContext db, CompoundRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        var compound = await db.Set<Compound>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return DistrictResults.Answer<CompoundAdminView>(await admin.DeleteAsync(compound, DistrictAudit.Resources.Compound, id, CompoundAdminView.From,
            c => register.DeleteRefusalAsync(c, ct),
            async c =>
            {
                // Its node in the unit tree goes with it.
                if (await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == c.Id && u.Kind == UnitKind.Compound, ct) is { } node) db.Remove(node);
            },
            "id", $"小区“{id}”不存在。", ct));
    }

    private static async Task<Results<Ok<CompoundAdminView>, ValidationProblem, ProblemHttpResult>> SetActiveAsync(
        string id, bool active, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct)
    {
        var compound = await db.Set<Compound>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return DistrictResults.Answer<CompoundAdminView>(await admin.SetActiveAsync(compound, DistrictAudit.Resources.Compound, id, active, CompoundAdminView.From,
            c => { if (active) c.Activate(); else c.Deactivate(admin.Now); }, "id", $"小区“{id}”不存在。", ct));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.District.Units;

/// <summary><c>/api/district/units</c>: the unit tree (district, bureau, leading group, street offices, communities).</summary>
internal static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnitRegister(this RouteGroupBuilder district)
    {
        var units = district.MapGroup("/units");
        units.MapGet("", ListAsync).WithSummary("单位树 / The unit tree, parents first");
        units.MapGet("/{id}", GetAsync).WithSummary("单位 / A unit");
        units.MapPost("", CreateAsync).WithSummary("新增单位 / Add a unit");
        units.MapPut("/{id}", UpdateAsync).WithSummary("修改单位（名称、联系方式）/ Change a unit's name and contacts");
        units.MapDelete("/{id}", DeleteAsync).WithSummary("删除单位（无下级、账户、任务时）/ Delete a unit nothing depends on");
        units.MapPost("/{id}/deactivate", (string id, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct) => SetActiveAsync(id, false, db, admin, ct))
            .WithSummary("停用单位 / Deactivate a unit");
        units.MapPost("/{id}/activate", (string id, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct) => SetActiveAsync(id, true, db, admin, ct))
            .WithSummary("启用单位 / Reactivate a unit");
        return district;
    }

    private static async Task<Ok<List<UnitAdminView>>> ListAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.Kind != UnitKind.Compound).ToListAsync(ct);
        return TypedResults.Ok(units.OrderBy(u => Depth(u, units)).ThenBy(u => u.Kind).ThenBy(u => u.Id, StringComparer.Ordinal)
            .Select(UnitAdminView.From).ToList());
    }

    private static int Depth(Unit unit, List<Unit> all)
    {
        var depth = 0;
        for (var parent = unit.ParentId; parent is not null && depth < 10; depth++)
            parent = all.FirstOrDefault(u => u.Id == parent)?.ParentId;
        return depth;
    }

    private static async Task<Results<Ok<UnitAdminView>, ProblemHttpResult>> GetAsync(string id, WorkflowsDbContext db, CancellationToken ct) =>
        await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.Kind != UnitKind.Compound, ct) is { } unit
            ? TypedResults.Ok(UnitAdminView.From(unit))
            : Missing(id);

    private static async Task<Results<Created<UnitAdminView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        UnitInput? input, UnitRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        if (input is null) return ApiResults.Invalid("body", "请求体应为 {\"id\",\"name\",\"kind\",\"parentId\",\"email\",\"mobile\"}。");
        var result = await admin.SaveAsync(() => register.StageAsync(null, input, StageMode.Create, ct), "id", "", ct);
        return DistrictResults.Created<UnitAdminView>(result, v => $"/api/district/units/{v.Id}");
    }

    private static async Task<Results<Ok<UnitAdminView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, UnitInput? input, UnitRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        if (input is null) return ApiResults.Invalid("body", "请求体应为 {\"name\",\"kind\",\"parentId\",\"email\",\"mobile\"}。");
        return DistrictResults.Answer<UnitAdminView>(
            await admin.SaveAsync(() => register.StageAsync(id, input, StageMode.Update, ct), "id", $"单位“{id}”不存在。", ct));
    }

    private static async Task<Results<Ok<UnitAdminView>, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, WorkflowsDbContext db, UnitRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        var unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == id && u.Kind != UnitKind.Compound, ct);
        return DistrictResults.Answer<UnitAdminView>(await admin.DeleteAsync(unit, DistrictAudit.Resources.Unit, id, UnitAdminView.From,
            u => register.DeleteRefusalAsync(u, ct), null, "id", $"单位“{id}”不存在。", ct));
    }

    private static async Task<Results<Ok<UnitAdminView>, ValidationProblem, ProblemHttpResult>> SetActiveAsync(
        string id, bool active, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct)
    {
        var unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == id && u.Kind != UnitKind.Compound, ct);
        return DistrictResults.Answer<UnitAdminView>(await admin.SetActiveAsync(unit, DistrictAudit.Resources.Unit, id, active, UnitAdminView.From,
            u => { if (active) u.Activate(); else u.Deactivate(admin.Now); }, "id", $"单位“{id}”不存在。", ct));
    }

    private static ProblemHttpResult Missing(string id) => ApiResults.NotFound("id", $"单位“{id}”不存在。");
}

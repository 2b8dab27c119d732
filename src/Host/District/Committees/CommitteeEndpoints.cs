using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Compounds;

namespace Workflows.Host.District.Committees;

/// <summary><c>/api/district/committees</c>: owners' committees and property management committees.</summary>
internal static class CommitteeEndpoints
{
    public static RouteGroupBuilder MapCommitteeRegister(this RouteGroupBuilder district)
    {
        var committees = district.MapGroup("/committees");
        committees.MapGet("", async (WorkflowsDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Set<Committee>().AsNoTracking().ToListAsync(ct)).OrderBy(c => c.CompoundId, StringComparer.Ordinal).Select(CommitteeAdminView.From).ToList()))
            .WithSummary("业主委员会 / Owners' and property management committees");
        committees.MapGet("/{id}", async Task<Results<Ok<CommitteeAdminView>, ProblemHttpResult>> (string id, WorkflowsDbContext db, CancellationToken ct) =>
            await db.Set<Committee>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } committee
                ? TypedResults.Ok(CommitteeAdminView.From(committee))
                : ApiResults.NotFound("id", $"委员会“{id}”不存在。")).WithSummary("委员会 / A committee");
        committees.MapPost("", CreateAsync).WithSummary("新增委员会（成为小区的委员会）/ Add a committee (it becomes the compound's)");
        committees.MapPut("/{id}", UpdateAsync).WithSummary("修改委员会 / Change a committee");
        committees.MapDelete("/{id}", DeleteAsync).WithSummary("删除委员会 / Delete a committee");
        return district;
    }

    private static async Task<Results<Created<CommitteeAdminView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CommitteeInput? input, CommitteeRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        if (input is null) return ApiResults.Invalid("body", "请求体应为委员会登记 {\"compoundId\",\"name\",\"chair\",\"members\",\"termStart\",\"termEnd\",\"contact\"}。");
        var result = await admin.SaveAsync(() => register.StageAsync(null, input, StageMode.Create, ct), "id", "", ct);
        return DistrictResults.Created<CommitteeAdminView>(result, v => $"/api/district/committees/{v.Id}");
    }

    private static async Task<Results<Ok<CommitteeAdminView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, CommitteeInput? input, CommitteeRegister register, DistrictAdministration admin, CancellationToken ct)
    {
        if (input is null) return ApiResults.Invalid("body", "请求体应为委员会登记。");
        return DistrictResults.Answer<CommitteeAdminView>(
            await admin.SaveAsync(() => register.StageAsync(id, input, StageMode.Update, ct), "id", $"委员会“{id}”不存在。", ct));
    }

    private static async Task<Results<Ok<CommitteeAdminView>, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, WorkflowsDbContext db, DistrictAdministration admin, CancellationToken ct)
    {
        var committee = await db.Set<Committee>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return DistrictResults.Answer<CommitteeAdminView>(await admin.DeleteAsync(committee, DistrictAudit.Resources.Committee, id, CommitteeAdminView.From,
            _ => Task.FromResult<string?>(null),
            async c =>
            {
                // The compound no longer has a committee (cases already started keep what they read at the start).
                if (await db.Set<Compound>().FirstOrDefaultAsync(x => x.Id == c.CompoundId && x.CommitteeId == c.Id, ct) is { } compound)
                    compound.CommitteeId = null;
            },
            "id", $"委员会“{id}”不存在。", ct));
    }
}

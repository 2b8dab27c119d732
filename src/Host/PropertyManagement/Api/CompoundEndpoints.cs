using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.PropertyManagement.Api;

public sealed record CompoundView(string Id, string Name, UnitRef District, UnitRef Street, UnitRef Community, UnitRef? Company,
    decimal FloorArea, int Households, string? CommitteeId);

/// <summary><c>/api/compounds</c>: the compounds of the district and their cases.</summary>
internal static class CompoundEndpoints
{
    public static RouteGroupBuilder MapCompounds(this RouteGroupBuilder api)
    {
        api.MapGet("/compounds", ListAsync).WithSummary("辖区内在用的小区 / The active compounds within the caller's reach");
        api.MapGet("/compounds/{compoundId}/cases", CasesAsync).WithSummary("小区的案件 / The cases of a compound").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<List<CompoundView>>> ListAsync(WorkflowsDbContext db, ICurrentOfficer officer, IJurisdiction jurisdiction, CancellationToken ct)
    {
        var reach = await officer.ReachAsync(ct);
        var visible = reach.All ? null : reach.RootUnitId is { } root ? await jurisdiction.SubtreeAsync(root, ct) : new HashSet<string>();
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.Kind != UnitKind.Compound).ToDictionaryAsync(u => u.Id, ct);
        var companies = await db.Set<PropertyCompany>().AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        // Deactivated compounds take no new cases, so the list that new cases pick from leaves them out.
        var compounds = await db.Set<Compound>().AsNoTracking().Where(c => c.DeactivatedAt == null).ToListAsync(ct);
        UnitRef Ref(string id) => new(id, units.TryGetValue(id, out var u) ? u.Name : id);
        return TypedResults.Ok(compounds
            .Where(c => visible is null || visible.Contains(c.Id))
            .OrderBy(c => c.DistrictId, StringComparer.Ordinal).ThenBy(c => c.StreetOfficeId, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CompoundView(c.Id, c.Name, Ref(c.DistrictId), Ref(c.StreetOfficeId), Ref(c.CommunityId),
                c.CompanyId is { } id && companies.TryGetValue(id, out var company) ? new UnitRef(id, company.Name) : null,
                c.FloorArea, c.Households, c.CommitteeId))
            .ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> CasesAsync(
        string compoundId, WorkflowsDbContext db, CaseQueries queries, UnitGuard guard, CancellationToken ct)
    {
        if (!await db.Set<Compound>().AnyAsync(c => c.Id == compoundId, ct) || !await guard.CanSeeAsync("compound", compoundId, compoundId, ct))
            return ApiResults.NotFound("compoundId", $"小区“{compoundId}”不存在。");
        return TypedResults.Ok(await queries.ForCompoundAsync(compoundId, ct));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
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
        api.MapGet("/compounds", ListAsync);
        api.MapGet("/compounds/{compoundId}/cases", CasesAsync);
        return api;
    }

    private static async Task<Ok<List<CompoundView>>> ListAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.Kind != UnitKind.Compound).ToDictionaryAsync(u => u.Id, ct);
        var companies = await db.Set<PropertyCompany>().AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var compounds = await db.Set<Compound>().AsNoTracking().ToListAsync(ct);
        UnitRef Ref(string id) => new(id, units.TryGetValue(id, out var u) ? u.Name : id);
        return TypedResults.Ok(compounds
            .OrderBy(c => c.DistrictId, StringComparer.Ordinal).ThenBy(c => c.StreetOfficeId, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CompoundView(c.Id, c.Name, Ref(c.DistrictId), Ref(c.StreetOfficeId), Ref(c.CommunityId),
                c.CompanyId is { } id && companies.TryGetValue(id, out var company) ? new UnitRef(id, company.Name) : null,
                c.FloorArea, c.Households, c.CommitteeId))
            .ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> CasesAsync(
        string compoundId, WorkflowsDbContext db, CaseQueries queries, CancellationToken ct)
    {
        if (!await db.Set<Compound>().AnyAsync(c => c.Id == compoundId, ct))
            return ApiResults.NotFound("compoundId", $"小区“{compoundId}”不存在。");
        return TypedResults.Ok(await queries.ForCompoundAsync(compoundId, ct));
    }
}

using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Directory;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.PropertyManagement.Persistence;

/// <summary>
/// The registers on EF. A singleton (activities are), so each lookup uses its own scope and context; it reads
/// committed data only, which is what a run burst needs (registers do not change inside a burst).
/// </summary>
internal sealed class EfPropertyDirectory(IServiceScopeFactory scopes) : IPropertyDirectory
{
    public async Task<CompoundProfile?> FindCompoundAsync(string compoundId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var compound = await db.Set<Compound>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == compoundId, ct);
        if (compound is null) return null;
        var unitIds = new[] { compound.DistrictId, compound.StreetOfficeId, compound.CommunityId };
        var units = await db.Set<Unit>().AsNoTracking()
            .Where(u => unitIds.Contains(u.Id) || (u.ParentId == compound.DistrictId
                        && (u.Kind == UnitKind.DistrictHousingBureau || u.Kind == UnitKind.DistrictLeadingGroup)))
            .ToListAsync(ct);
        Unit Get(string id) => units.FirstOrDefault(u => u.Id == id)
                               ?? throw new InvalidOperationException($"Compound {compound.Id} refers to unit {id}, which does not exist.");
        var company = compound.CompanyId is null ? null
            : await db.Set<PropertyCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == compound.CompanyId, ct);
        var committee = compound.CommitteeId is null ? null
            : await db.Set<Committee>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == compound.CommitteeId, ct);
        return new CompoundProfile(compound, Get(compound.DistrictId), Get(compound.StreetOfficeId), Get(compound.CommunityId),
            units.FirstOrDefault(u => u.Kind == UnitKind.DistrictHousingBureau),
            units.FirstOrDefault(u => u.Kind == UnitKind.DistrictLeadingGroup),
            company, committee);
    }

    public async Task<PropertyCompany?> FindCompanyByNameAsync(string name, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await db.Set<PropertyCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.Name == name, ct);
    }
}

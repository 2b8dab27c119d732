using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Tools.DataGenerator;

/// <summary>The district as stored: units, compounds, companies, committees; what a case needs to name its parties.</summary>
internal sealed class District(Dictionary<string, Unit> units, List<Compound> compounds, Dictionary<string, PropertyCompany> companies,
    Dictionary<string, Committee> committees)
{
    public IReadOnlyList<Compound> Compounds => compounds;

    public static async Task<District> LoadAsync(WorkflowsDbContext db, CancellationToken ct) => new(
        await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct),
        await db.Set<Compound>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct),
        await db.Set<PropertyCompany>().AsNoTracking().ToDictionaryAsync(c => c.Id, ct),
        await db.Set<Committee>().AsNoTracking().ToDictionaryAsync(c => c.Id, ct));

    /// <summary>The office of a level that handles a compound's matters.</summary>
    public Unit OfficeFor(Actor role, Compound compound) => role switch
    {
        Actor.Community => units[compound.CommunityId],
        Actor.StreetOffice => units[compound.StreetOfficeId],
        Actor.DistrictHousingBureau => units[compound.DistrictId + "-zjj"],
        Actor.DistrictLeadingGroup => units[compound.DistrictId + "-lg"],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not an office."),
    };

    /// <summary>The demo user who works for a unit (see the README's table of demo users).</summary>
    public static string OfficerOf(Unit unit) => unit.Kind switch
    {
        UnitKind.Community => "community." + unit.Id,
        UnitKind.StreetOffice => "street." + unit.Id,
        UnitKind.DistrictHousingBureau => "bureau." + unit.ParentId,
        _ => "leading." + unit.ParentId,
    };

    /// <summary>A filing party's name, email and mobile: the compound's company or committee, else the office.</summary>
    public (string Name, string? Email, string? Mobile) Party(Actor party, Compound compound)
    {
        if (party == Actor.PropertyCompany && compound.CompanyId is { } companyId && companies.TryGetValue(companyId, out var company))
            return (company.Name, company.Contacts.FirstOrDefault()?.Email, company.Contacts.FirstOrDefault()?.Mobile);
        if (party is Actor.OwnersCommittee or Actor.PropertyManagementCommittee && compound.CommitteeId is { } committeeId
            && committees.TryGetValue(committeeId, out var committee))
            return (committee.Name, committee.Contact?.Email, committee.Contact?.Mobile);
        if (party.IsOffice())
        {
            var office = OfficeFor(party, compound);
            return (office.Name, office.Email, office.Mobile);
        }
        return ($"{compound.Name}{party.ChineseName()}", null, null);
    }

    /// <summary>Who gets the 催办 when an office's task is overdue: the level above.</summary>
    public Unit Supervisor(Unit office) => office.Kind switch
    {
        UnitKind.Community => units[office.ParentId!],
        UnitKind.StreetOffice => units[office.ParentId + "-zjj"],
        _ => units[office.ParentId + "-lg"],
    };
}

using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.PropertyManagement.Compounds;

/// <summary>A compound with everything around it that the procedures need: its offices, company and committee.</summary>
public sealed record CompoundProfile(
    Compound Compound,
    Unit District,
    Unit StreetOffice,
    Unit Community,
    Unit? HousingBureau,
    Unit? LeadingGroup,
    PropertyCompany? Company,
    Committee? Committee)
{
    /// <summary>The unit that acts for a government level in this compound's jurisdiction.</summary>
    public Unit UnitFor(Actor office) => office switch
    {
        Actor.Community => Community,
        Actor.StreetOffice => StreetOffice,
        // A district without a separate bureau or leading group unit acts through the district itself.
        Actor.DistrictHousingBureau => HousingBureau ?? District,
        Actor.DistrictLeadingGroup => LeadingGroup ?? HousingBureau ?? District,
        _ => throw new ArgumentException($"{office} is not a government office.", nameof(office)),
    };
}

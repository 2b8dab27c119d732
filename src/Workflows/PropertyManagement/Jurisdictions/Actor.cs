namespace Workflows.PropertyManagement.Jurisdictions;

/// <summary>
/// Who acts in a procedure (procedures.md glossary): the four government levels that officers work at, and the
/// parties they supervise. Officer tasks go to offices only; filings and notices may name any actor.
/// </summary>
public enum Actor
{
    Community,
    StreetOffice,
    DistrictHousingBureau,
    DistrictLeadingGroup,
    PropertyCompany,
    OwnersCommittee,
    PropertyManagementCommittee,
    PreparatoryGroup,
    Developer,
    AllOwners,
    Complainant,
}

public static class Actors
{
    /// <summary>The government levels, lowest first: the order in which matters are escalated.</summary>
    public static readonly IReadOnlyList<Actor> Offices =
        [Actor.Community, Actor.StreetOffice, Actor.DistrictHousingBureau, Actor.DistrictLeadingGroup];

    public static bool IsOffice(this Actor actor) => Offices.Contains(actor);

    /// <summary>
    /// The next level up. Seed 001 item 8: what exceeds the community goes to the street office; major and complex
    /// matters to the district, whose leading group's office sits in the housing bureau, so the bureau comes first.
    /// </summary>
    public static Actor? NextLevel(this Actor office) => office switch
    {
        Actor.Community => Actor.StreetOffice,
        Actor.StreetOffice => Actor.DistrictHousingBureau,
        Actor.DistrictHousingBureau => Actor.DistrictLeadingGroup,
        _ => null,
    };

    /// <summary>The unit that supervises this level (where 催办 goes when its task is overdue).</summary>
    public static Actor? Supervisor(this Actor office) => office.IsOffice() ? office.NextLevel() : Actor.StreetOffice;

    public static string ChineseName(this Actor actor) => actor switch
    {
        Actor.Community => "社区居委会",
        Actor.StreetOffice => "街道办事处",
        Actor.DistrictHousingBureau => "区住建局",
        Actor.DistrictLeadingGroup => "区物业管理工作领导小组",
        Actor.PropertyCompany => "物业服务企业",
        Actor.OwnersCommittee => "业主委员会",
        Actor.PropertyManagementCommittee => "物业管理委员会",
        Actor.PreparatoryGroup => "首次业主大会筹备组",
        Actor.Developer => "建设单位",
        Actor.AllOwners => "全体业主",
        Actor.Complainant => "投诉人",
        _ => actor.ToString(),
    };

    /// <summary>Parses an actor name as stored in definitions (enum name, case-insensitive) or its Chinese name.</summary>
    public static bool TryParse(string? text, out Actor actor)
    {
        actor = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (Enum.TryParse(text, ignoreCase: true, out actor) && Enum.IsDefined(actor)) return true;
        foreach (var candidate in Enum.GetValues<Actor>())
        {
            if (candidate.ChineseName() == text)
            {
                actor = candidate;
                return true;
            }
        }
        return false;
    }

    public static UnitKind UnitKind(this Actor office) => office switch
    {
        Actor.Community => Jurisdictions.UnitKind.Community,
        Actor.StreetOffice => Jurisdictions.UnitKind.StreetOffice,
        Actor.DistrictHousingBureau => Jurisdictions.UnitKind.DistrictHousingBureau,
        Actor.DistrictLeadingGroup => Jurisdictions.UnitKind.DistrictLeadingGroup,
        _ => throw new ArgumentException($"{office} is not a government office.", nameof(office)),
    };
}

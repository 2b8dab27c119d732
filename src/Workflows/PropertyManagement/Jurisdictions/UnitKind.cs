namespace Workflows.PropertyManagement.Jurisdictions;

/// <summary>The kinds of node in the jurisdiction tree (District → StreetOffice → Community → Compound).</summary>
public enum UnitKind
{
    /// <summary>区: the district government.</summary>
    District,

    /// <summary>区住建局（房管局）: the district's housing department, a child of the district.</summary>
    DistrictHousingBureau,

    /// <summary>区物业管理工作领导小组: its office sits in the housing bureau (seed 001 annex 1); a child of the district.</summary>
    DistrictLeadingGroup,

    /// <summary>街道办事处（镇）and its property office.</summary>
    StreetOffice,

    /// <summary>社区居委会 and its property service station.</summary>
    Community,

    /// <summary>小区 / 楼院: a property management area.</summary>
    Compound,
}

using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.District.Units;

/// <summary>The unit kinds in Chinese, and which kind each one hangs under.</summary>
internal static class UnitKinds
{
    /// <summary>The kinds kept in the unit tree register (compounds have their own register).</summary>
    public static readonly IReadOnlyList<UnitKind> Administered =
        [UnitKind.District, UnitKind.DistrictHousingBureau, UnitKind.DistrictLeadingGroup, UnitKind.StreetOffice, UnitKind.Community];

    public static string ChineseName(UnitKind kind) => kind switch
    {
        UnitKind.District => "区",
        UnitKind.DistrictHousingBureau => "区住建局",
        UnitKind.DistrictLeadingGroup => "区领导小组",
        UnitKind.StreetOffice => "街道办事处",
        UnitKind.Community => "社区",
        UnitKind.Compound => "小区",
        _ => kind.ToString(),
    };

    /// <summary>The kind of the parent; null for a district, which has none.</summary>
    public static UnitKind? ParentKind(UnitKind kind) => kind switch
    {
        UnitKind.District => null,
        UnitKind.DistrictHousingBureau or UnitKind.DistrictLeadingGroup or UnitKind.StreetOffice => UnitKind.District,
        UnitKind.Community => UnitKind.StreetOffice,
        UnitKind.Compound => UnitKind.Community,
        _ => null,
    };

    /// <summary>Reads the enum name (case-insensitive) or the Chinese name (also 街道办, 镇, 社区居委会).</summary>
    public static bool TryParse(string? text, out UnitKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        switch (text)
        {
            case "街道办" or "街道" or "镇" or "镇人民政府":
                kind = UnitKind.StreetOffice;
                return true;
            case "社区居委会":
                kind = UnitKind.Community;
                return true;
            case "区住房和城乡建设局" or "区房管局":
                kind = UnitKind.DistrictHousingBureau;
                return true;
            case "区物业管理工作领导小组":
                kind = UnitKind.DistrictLeadingGroup;
                return true;
        }
        foreach (var candidate in Enum.GetValues<UnitKind>())
        {
            if (ChineseName(candidate) == text || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        return false;
    }
}

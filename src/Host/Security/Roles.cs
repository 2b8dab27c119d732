using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Security;

/// <summary>
/// The five roles. A person has exactly one; an officer's role fixes the kind of unit they belong to
/// (a street office officer belongs to a street office). API keys act as <see cref="Admin"/>.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string DistrictHousingBureau = "district-housing-bureau";
    public const string DistrictLeadingGroup = "district-leading-group";
    public const string StreetOffice = "street-office";
    public const string Community = "community";

    public static readonly IReadOnlyList<string> All = [Admin, DistrictHousingBureau, DistrictLeadingGroup, StreetOffice, Community];

    public static readonly IReadOnlyList<string> Officers = [DistrictHousingBureau, DistrictLeadingGroup, StreetOffice, Community];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>The kind of unit an officer of this role belongs to; null for the admin, who belongs to none.</summary>
    public static UnitKind? UnitKindOf(string role) => role switch
    {
        DistrictHousingBureau => UnitKind.DistrictHousingBureau,
        DistrictLeadingGroup => UnitKind.DistrictLeadingGroup,
        StreetOffice => UnitKind.StreetOffice,
        Community => UnitKind.Community,
        _ => null,
    };

    public static string ChineseName(string role) => role switch
    {
        Admin => "系统管理员",
        DistrictHousingBureau => "区住建局",
        DistrictLeadingGroup => "区领导小组",
        StreetOffice => "街道办",
        Community => "社区",
        _ => role,
    };

    public static string EnglishName(string role) => role switch
    {
        Admin => "Administrator",
        DistrictHousingBureau => "District housing bureau",
        DistrictLeadingGroup => "District leading group",
        StreetOffice => "Street office",
        Community => "Community",
        _ => role,
    };
}

using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Workspace.Officers;

/// <summary>The unit a signed-in officer belongs to.</summary>
public sealed record OfficerUnit(string Id, UnitKind Kind, string Name);

/// <summary>
/// What a caller may see: everything (<see cref="All"/>), or the units under <see cref="RootUnitId"/>; and
/// the units whose tasks they act on.
/// </summary>
public sealed record OfficerReach(bool All, string? RootUnitId, IReadOnlySet<string> ActingUnitIds, bool ActsForAll)
{
    public static readonly OfficerReach Nothing = new(false, null, new HashSet<string>(), false);
}

/// <summary>
/// Who is calling, as the service layer needs it. The rule (one for pages and API):
/// <list type="bullet">
/// <item>an officer acts on their own unit's tasks only;</item>
/// <item>a community officer sees its own unit's compounds and cases; a street office officer also sees its
/// communities' (everything below the street office); an officer of the district housing bureau or the
/// district leading group sees the whole district;</item>
/// <item>a signed-in admin sees everything and acts on no task (administration and casework stay apart);</item>
/// <item>an API key (a machine client, e.g. the 12345 hotline bridge) sees and acts on everything.</item>
/// </list>
/// </summary>
public interface ICurrentOfficer
{
    /// <summary>A person signed in with the cookie.</summary>
    bool IsSignedIn { get; }

    /// <summary>A machine client with an API key.</summary>
    bool IsMachine { get; }

    string? UserId { get; }

    /// <summary>The user name, or the API key's name; empty when nobody is authenticated.</summary>
    string Name { get; }

    string DisplayName { get; }

    IReadOnlyList<string> Roles { get; }

    bool IsAdmin { get; }

    /// <summary>The officer's unit; null for admins and API keys.</summary>
    OfficerUnit? Unit { get; }

    ValueTask<OfficerReach> ReachAsync(CancellationToken ct = default);

    /// <summary>Whether data of <paramref name="unitId"/> (a compound, a community …) is within reach.</summary>
    ValueTask<bool> CanSeeAsync(string unitId, CancellationToken ct = default);

    /// <summary>Whether tasks addressed to <paramref name="unitId"/> may be acted on.</summary>
    ValueTask<bool> CanActForAsync(string unitId, CancellationToken ct = default);
}

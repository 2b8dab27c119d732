using System.Security.Claims;
using Workflows.Host.Security;
using Workflows.Host.Workspace.Accounts;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Workspace.Officers;

/// <summary>The request's caller, read from its claims; the reach is worked out once per request.</summary>
internal sealed class CurrentOfficer(IHttpContextAccessor http, IJurisdiction jurisdiction) : ICurrentOfficer
{
    private OfficerReach? _reach;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsMachine => User.HasClaim(ApiKeyAuthenticationHandler.AuthClaim, ApiKeyAuthenticationHandler.ApiKeyAuth);

    public bool IsSignedIn => !IsMachine && User.Identity?.IsAuthenticated == true;

    public string? UserId => IsSignedIn ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string Name => User.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "" : "";

    public string DisplayName => User.FindFirstValue(WorkspaceClaimTypes.DisplayName) is { Length: > 0 } name ? name : Name;

    public IReadOnlyList<string> Roles => [.. User.FindAll(ClaimTypes.Role).Select(c => c.Value)];

    public bool IsAdmin => User.IsInRole(Security.Roles.Admin);

    public OfficerUnit? Unit =>
        User.FindFirstValue(WorkspaceClaimTypes.UnitId) is { Length: > 0 } id
        && Enum.TryParse<UnitKind>(User.FindFirstValue(WorkspaceClaimTypes.UnitKind), out var kind)
            ? new OfficerUnit(id, kind, User.FindFirstValue(WorkspaceClaimTypes.UnitName) ?? id)
            : null;

    public async ValueTask<OfficerReach> ReachAsync(CancellationToken ct = default) => _reach ??= await ComputeAsync(ct);

    public async ValueTask<bool> CanSeeAsync(string unitId, CancellationToken ct = default)
    {
        var reach = await ReachAsync(ct);
        return reach.All || (reach.RootUnitId is { } root && await jurisdiction.IsWithinAsync(unitId, root, ct));
    }

    public async ValueTask<bool> CanActForAsync(string unitId, CancellationToken ct = default)
    {
        var reach = await ReachAsync(ct);
        return reach.ActsForAll || reach.ActingUnitIds.Contains(unitId);
    }

    private async ValueTask<OfficerReach> ComputeAsync(CancellationToken ct)
    {
        if (IsMachine) return new OfficerReach(true, null, new HashSet<string>(), ActsForAll: true);
        if (!IsSignedIn) return OfficerReach.Nothing;
        if (IsAdmin) return new OfficerReach(true, null, new HashSet<string>(), ActsForAll: false);
        if (Unit is not { } unit) return OfficerReach.Nothing;
        var acting = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
        var root = unit.Id;
        // The district's offices see their whole district: the tree's parent of the bureau or leading group.
        if (unit.Kind is UnitKind.DistrictHousingBureau or UnitKind.DistrictLeadingGroup
            && await jurisdiction.FindAsync(unit.Id, ct) is { ParentId: { } districtId })
            root = districtId;
        return new OfficerReach(false, root, acting, ActsForAll: false);
    }
}

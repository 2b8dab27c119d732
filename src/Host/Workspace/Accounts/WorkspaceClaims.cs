using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Workspace.Accounts;

/// <summary>Claims the session carries beside Identity's own (id, name, roles, security stamp).</summary>
public static class WorkspaceClaimTypes
{
    public const string DisplayName = "workflows:display-name";
    public const string UnitId = "workflows:unit-id";
    public const string UnitKind = "workflows:unit-kind";
    public const string UnitName = "workflows:unit-name";
}

/// <summary>Puts the user's unit into the cookie, so that scoping a request needs no user lookup.</summary>
internal sealed class WorkspaceClaimsFactory(UserManager<WorkspaceUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WorkspaceUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WorkspaceUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WorkspaceClaimTypes.DisplayName, user.DisplayName));
        if (user.UnitId is not null)
        {
            identity.AddClaim(new Claim(WorkspaceClaimTypes.UnitId, user.UnitId));
            identity.AddClaim(new Claim(WorkspaceClaimTypes.UnitKind, user.UnitKind?.ToString() ?? ""));
            identity.AddClaim(new Claim(WorkspaceClaimTypes.UnitName, user.UnitName ?? user.UnitId));
        }
        return identity;
    }
}

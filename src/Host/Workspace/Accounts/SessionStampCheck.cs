using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;

namespace Workflows.Host.Workspace.Accounts;

/// <summary>
/// The server-side half of a session: on every request with the sign-in cookie, the cookie's security stamp must
/// still be the user's (one indexed read of one column). Signing out, a lock, a password change or reset renews
/// the stamp, so a cookie issued before is refused at once, on every host, instead of living out its 8 hours.
/// Identity's own validator still runs after it to refresh roles and claims every minute.
/// </summary>
internal static class SessionStampCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.Identity?.IsAuthenticated != true) return;
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = principal.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (userId is null || stamp is null) return;
        var db = services.GetRequiredService<WorkflowsDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.SecurityStamp }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is not null && current.SecurityStamp == stamp) return;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionStampCheck))
            .LogInformation("Refused a sign-in cookie of {UserName} issued before the user signed out or was changed", principal.Identity.Name);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

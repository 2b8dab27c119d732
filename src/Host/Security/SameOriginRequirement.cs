using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Workflows.Host.Security;

/// <summary>
/// Cross-site request forgery guard for APIs called with the sign-in cookie: a state-changing request (anything
/// but GET/HEAD/OPTIONS/TRACE) must come from this service's own pages. Browsers say so in
/// <c>Sec-Fetch-Site: same-origin</c>; older ones in <c>Origin</c>. A request that says neither is refused:
/// every browser that can run the pages sends one of them, and non-browser clients use API keys. Requests
/// authenticated by API key are not concerned (a cross-site page cannot set <c>Authorization</c>). Form posts
/// of the pages carry an antiforgery token instead.
/// </summary>
public sealed class SameOriginRequirement : IAuthorizationRequirement;

internal sealed class SameOriginHandler(ILogger<SameOriginHandler> logger) : AuthorizationHandler<SameOriginRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SameOriginRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (http is null || !UsesCookie(context.User) || IsSafe(http.Request.Method) || IsSameOrigin(http.Request))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        logger.LogWarning(
            "Refused a cross-origin {Method} {Path} made with the sign-in cookie of {UserName} (Origin {Origin}, Sec-Fetch-Site {FetchSite})",
            http.Request.Method, http.Request.Path.Value, context.User.Identity?.Name,
            http.Request.Headers.Origin.ToString(), http.Request.Headers["Sec-Fetch-Site"].ToString());
        context.Fail(new AuthorizationFailureReason(this, "A change made with the sign-in cookie must come from this service's own pages."));
        return Task.CompletedTask;
    }

    private static bool UsesCookie(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    internal static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
            return string.Equals(fetchSite, "same-origin", StringComparison.OrdinalIgnoreCase);
        var origin = request.Headers.Origin.ToString();
        // Host and port only: behind a TLS-terminating proxy the request scheme is http while the page's is https.
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
               && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}

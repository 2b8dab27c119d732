using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Studio;

/// <summary>
/// What the admin pages hand to the Studio elements to call <c>/elsa/api</c>. The one place that decides it.
/// </summary>
internal interface IStudioCredentials
{
    /// <summary>The API key for the <c>api-key</c> attribute, or null for none.</summary>
    string? ApiKey(HttpContext context);
}

/// <summary>
/// A signed-in admin's page gets no key: the Studio then sends no <c>Authorization</c> header, and its calls
/// (Blazor's HttpClient is fetch with <c>credentials: same-origin</c>) carry the admin's cookie, which
/// <c>/elsa/api</c> accepts. <c>Studio:ApiKey</c> is handed out only to a page whose caller did not sign in with
/// the cookie (a page requested with an API key, e.g. through a proxy that adds one).
/// </summary>
internal sealed class SessionStudioCredentials(IOptions<StudioOptions> options) : IStudioCredentials
{
    public string? ApiKey(HttpContext context)
    {
        var signedIn = context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);
        return signedIn || string.IsNullOrWhiteSpace(options.Value.ApiKey) ? null : options.Value.ApiKey;
    }
}

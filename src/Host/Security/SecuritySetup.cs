using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Security;

/// <summary>The authorization policies; every endpoint names one of these.</summary>
public static class Policies
{
    /// <summary><c>/elsa/api</c>: an API key, or the cookie of a signed-in admin (same-origin for changes).</summary>
    public const string ElsaApi = "ElsaApi";

    /// <summary>The admin pages under <c>/admin</c> and the admin-only API (<c>/api/audit</c>).</summary>
    public const string Admin = "Admin";

    /// <summary>The service's own API under <c>/api</c>: an API key or any signed-in person; data is scoped by unit in the handlers.</summary>
    public const string Officer = "Officer";

    /// <summary>Pages for anyone signed in (home, change my password).</summary>
    public const string SignedIn = "SignedIn";
}

public static class SecuritySetup
{
    /// <summary>
    /// The default scheme: a request with <c>Authorization: ApiKey …</c> is a machine client, anything else is
    /// a person with (or without) the sign-in cookie. One scheme keeps challenges unambiguous: a page gets the
    /// login redirect, an API call a 401.
    /// </summary>
    public const string CombinedScheme = "Workspace";

    public const string CookieName = "workflows-auth";

    /// <summary>A working day; sliding, so an officer who keeps working stays signed in.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>How soon a lock, password reset or role change ends the sessions the user already has.</summary>
    public static readonly TimeSpan SessionRecheckInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddWorkflowsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddAuthentication(CombinedScheme)
            .AddPolicyScheme(CombinedScheme, null, o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.IsPresented(context.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(ConfigureCookie);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = SessionRecheckInterval;
            o.TimeProvider = TimeProvider.System;
        });

        var sameOrigin = new SameOriginRequirement();
        services.AddSingleton<IAuthorizationHandler, SameOriginHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ElsaApi, p => p.RequireRole(Roles.Admin).AddRequirements(sameOrigin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin).AddRequirements(sameOrigin))
            .AddPolicy(Policies.Officer, p => p.RequireRole(Roles.All).AddRequirements(sameOrigin))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "workflows-antiforgery";
            o.FormFieldName = FormFieldName;
        });
        return services;
    }

    /// <summary>The hidden field of every form post (antiforgery token).</summary>
    public const string FormFieldName = "__RequestVerificationToken";

    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string DeniedPath = "/account/denied";

    /// <summary>The API prefixes: they answer 401/403, never a redirect to the login page.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/elsa/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        // Lax: a link from elsewhere still arrives signed in, but no cross-site POST carries the cookie.
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = SessionLifetime;
        o.SlidingExpiration = true;
        // Sessions and lockouts follow the wall clock, not the service clock that Development rehearsals move
        // by days (Identity's lockout reads the wall clock too).
        o.TimeProvider = TimeProvider.System;
        o.LoginPath = LoginPath;
        o.LogoutPath = LogoutPath;
        o.AccessDeniedPath = DeniedPath;
        o.ReturnUrlParameter = "returnUrl";
        o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        // Identity set its stamp validator (every SessionRecheckInterval) before this runs; the stamp check comes first.
        var identityValidator = o.Events.OnValidatePrincipal;
        o.Events.OnValidatePrincipal = async context =>
        {
            await Workspace.Accounts.SessionStampCheck.ValidateAsync(context);
            if (context.Principal is not null) await identityValidator(context);
        };
        o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (IsApiRequest(context.Request))
            context.Response.StatusCode = apiStatus;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

using Microsoft.Extensions.Options;

namespace Workflows.Host.Studio;

/// <summary>URL paths and package names of the admin pages.</summary>
internal static class StudioPaths
{
    /// <summary>
    /// The Blazor app's <c>&lt;base href&gt;</c>. The Studio's files are served under it and every page
    /// that hosts a Studio element must live under it too: Blazor's NavigationManager refuses to start
    /// on a page whose URL is outside the base ("… is not contained by the base URI").
    /// </summary>
    public const string Base = "/admin/";

    public const string Definitions = "/admin/definitions";
    public const string Instances = "/admin/instances";

    /// <summary>The editor's Run button navigates (pushState) to <c>{Base}workflows/instances/{id}/view</c>.</summary>
    public const string RunNavigationTarget = "/admin/workflows/instances/{instanceId}/view";

    public const string ElsaApi = "/elsa/api";

    public const string StudioPackage = "@elsa-workflows/elsa-studio-wasm";
    public const string RobotoPackage = "@fontsource/roboto";

    public static string Definition(string definitionId) => $"{Definitions}/{Uri.EscapeDataString(definitionId)}";

    public static string Instance(string instanceId) => $"{Instances}/{Uri.EscapeDataString(instanceId)}";

    /// <summary>
    /// The API base URL the Studio elements on an admin page use: <c>Studio:PublicUrl</c> + <c>/elsa/api</c> when
    /// configured, else the origin of the page's own request (the elements need an absolute URL, and the page is
    /// answered to that request only). No trailing slash (a slash gives <c>//</c> in every call).
    /// </summary>
    public static string ElsaApiUrl(HttpRequest request) =>
        PublicElsaApiUrl(request)
        ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{ElsaApi}";

    /// <summary>
    /// The backend URL in the Studio's <c>appsettings.json</c>: from <c>Studio:PublicUrl</c>, else the path under the
    /// request's path base. Never from the Host header, which a client chooses freely (the admin pages set the
    /// backend of every element anyway; this is only the Studio's start-up default).
    /// </summary>
    public static string SettingsBackendUrl(HttpRequest request) =>
        PublicElsaApiUrl(request) ?? request.PathBase.ToUriComponent() + ElsaApi;

    private static string? PublicElsaApiUrl(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<StudioOptions>>().Value.PublicUrl is { } url
            ? url.GetLeftPart(UriPartial.Path).TrimEnd('/') + ElsaApi
            : null;
}

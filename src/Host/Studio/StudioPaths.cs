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

    /// <summary>The API base URL for the Studio, from the request's own origin; no trailing slash (a slash gives <c>//</c> in every call).</summary>
    public static string ElsaApiUrl(HttpRequest request) =>
        $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{ElsaApi}";
}

namespace Workflows.Host.Studio;

/// <summary>Options of the admin pages that host Elsa Studio; configuration section <c>Studio</c>.</summary>
internal sealed class StudioOptions
{
    public const string SectionName = "Studio";

    /// <summary>
    /// API key the Studio elements send as <c>Authorization: ApiKey …</c> to <c>/elsa/api</c> when the page's caller
    /// is not a signed-in admin (a signed-in admin's cookie authenticates the Studio instead).
    /// Default: none (no header). Read only through <see cref="IStudioCredentials"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Folder that holds the npm packages (a <c>node_modules</c> folder). Default: unset, which means
    /// <c>Studio/npm/node_modules</c> under the content root, else the folder the build installed into.
    /// </summary>
    public string? NodeModulesPath { get; set; }

    /// <summary>
    /// The service's public base URL as browsers reach it (e.g. <c>https://wuye.example.gov.cn</c>, with a path if it
    /// is served under one). The Studio's backend URL is built from it. Default: unset, which gives a URL relative to
    /// the request's path base; never the request's Host header, which a client chooses freely.
    /// </summary>
    public Uri? PublicUrl { get; set; }
}

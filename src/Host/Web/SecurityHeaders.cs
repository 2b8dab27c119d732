namespace Workflows.Host.Web;

/// <summary>
/// The headers every response carries, and the Content-Security-Policy of the Razor pages. A response that set its
/// own policy (the Studio frame, which runs Blazor WebAssembly) keeps it; anything else gets <see cref="Baseline"/>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>For the Razor pages: scripts, styles, images and fetches only from this service (Chart.js included).</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// For the Studio frame: Blazor WebAssembly needs <c>'wasm-unsafe-eval'</c>, MudBlazor and Monaco set inline styles,
    /// Monaco starts workers from blobs and evaluates its modules; the Studio's editor runs inline scripts it adds itself
    /// (editor hotkeys), so this frame alone allows inline script.
    /// </summary>
    public const string StudioPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>For the pages still rendered from C# strings (inline style and script), until they move.</summary>
    public const string InlinePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>For everything else (APIs, files, other libraries' dashboards): no framing by other sites, no plugins.</summary>
    public const string Baseline = "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    public static Task Add(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                headers.ContentSecurityPolicy = Baseline;
            return Task.CompletedTask;
        });
        return next();
    }
}

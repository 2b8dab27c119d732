using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Workflows.Host.Web;

/// <summary>
/// The pages' foundation: Razor components rendered on the server (static SSR, no circuits), text from <c>.resx</c>
/// through <c>IStringLocalizer</c> with Chinese first, the security headers, and the site stylesheet and script.
/// </summary>
public static class WebSetup
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // Chinese text as UTF-8, not as &#x…; entities (the default encoder escapes everything outside Basic Latin).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(SiteCultures.Configure);
        return services;
    }

    /// <summary>Early in the pipeline: the headers go on every response, the culture is known to everything after.</summary>
    public static WebApplication UseWebPages(this WebApplication app)
    {
        app.Use(SecurityHeaders.Add);
        app.UseRequestLocalization();
        app.Use(SiteCultures.RememberChoice);
        return app;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        app.MapSiteAssets();
        return app;
    }
}

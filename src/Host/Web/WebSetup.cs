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

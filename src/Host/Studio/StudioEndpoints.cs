using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Studio;

internal static class StudioEndpoints
{
    /// <summary>
    /// Serves Elsa Studio's files from node_modules under <see cref="StudioPaths.Base"/>, its
    /// <c>appsettings.json</c> (pointing at this service's <c>/elsa/api</c>) and the admin pages.
    /// </summary>
    public static WebApplication MapStudio(this WebApplication app)
    {
        var nodeModules = app.Services.GetRequiredService<IOptions<StudioOptions>>().Value.NodeModulesPath!;
        app.UseStudioStaticFiles(nodeModules);

        // Loaded by the Blazor app at start; Backend:Url is the default remote endpoint (the pages set each element's).
        app.MapGet(StudioPaths.Base + "appsettings.json", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var settings = new JsonObject { ["Backend"] = new JsonObject { ["Url"] = StudioPaths.SettingsBackendUrl(context.Request) } };
            return TypedResults.Text(settings.ToJsonString(), "application/json; charset=utf-8");
        });

        var styles = StudioStaticFiles.ScopedStylesFile(nodeModules);
        app.MapGet(StudioPaths.Base + Path.GetFileName(styles), () =>
            TypedResults.PhysicalFile(styles, "text/css", lastModified: File.GetLastWriteTimeUtc(styles)));

        app.MapAdminPages();
        return app;
    }
}

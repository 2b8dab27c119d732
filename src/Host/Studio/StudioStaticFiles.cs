using Microsoft.Extensions.FileProviders;

namespace Workflows.Host.Studio;

/// <summary>Serves the npm packages straight from node_modules (no copy) under <see cref="StudioPaths.Base"/>.</summary>
internal static class StudioStaticFiles
{
    private static readonly StudioContentTypes ContentTypes = new();

    public static void UseStudioStaticFiles(this IApplicationBuilder app, string nodeModules)
    {
        var studio = StudioPackageLocator.StudioFolder(nodeModules);
        Serve(app, StudioPaths.Base + "_framework", Path.Combine(studio, "_framework"));
        Serve(app, StudioPaths.Base + "_content", Path.Combine(studio, "_content"));
        Serve(app, StudioPaths.Base + "fonts/roboto", StudioPackageLocator.RobotoFolder(nodeModules));
    }

    /// <summary>The package's root stylesheet (scoped CSS of the custom elements host).</summary>
    public static string ScopedStylesFile(string nodeModules) =>
        Path.Combine(StudioPackageLocator.StudioFolder(nodeModules), "Elsa.Studio.Host.CustomElements.styles.css");

    private static void Serve(IApplicationBuilder app, string requestPath, string root)
    {
        var files = new PhysicalFileProvider(root);
        // A branch: a file that is not there ends in 404 here rather than reaching the endpoints.
        app.Map(requestPath, branch =>
        {
            branch.Use(Precompressed.Middleware(files));
            branch.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = ContentTypes,
                // Revalidate (ETag/Last-Modified): dotnet.js and blazor.webassembly.js have no hash in their names.
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
            });
            branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }
}

using System.Reflection;

namespace Workflows.Host.Workspace.Dashboard;

/// <summary>
/// Serves Chart.js (installed from npm by Dashboard.targets) from this service, so the dashboard needs no network
/// beyond the service. The file is found under the content root (a published app) or in the build's node_modules.
/// </summary>
internal static class DashboardAssets
{
    public const string ChartScriptPath = "/workspace-assets/chart.umd.min.js";

    private const string BuildMetadataKey = "Workflows.Dashboard.NodeModulesPath";

    public static string ChartScriptFile(string contentRoot)
    {
        var underContentRoot = Path.Combine(contentRoot, "Workspace", "Dashboard", "npm", "node_modules");
        var fromBuild = typeof(DashboardAssets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == BuildMetadataKey)?.Value;
        var candidates = new[] { underContentRoot, fromBuild }.OfType<string>().Where(p => p.Length > 0)
            .Select(p => Path.Combine(Path.GetFullPath(p), "chart.js", "dist", "chart.umd.min.js"));
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new InvalidOperationException(
                   $"Chart.js not found under '{underContentRoot}' or '{fromBuild}'. Build src/Host (its build runs npm ci in src/Host/Workspace/Dashboard/npm).");
    }

    public static IEndpointRouteBuilder MapDashboardAssets(this IEndpointRouteBuilder app, string contentRoot)
    {
        var file = ChartScriptFile(contentRoot);
        app.MapGet(ChartScriptPath, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=86400";
                return TypedResults.PhysicalFile(file, "text/javascript; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}

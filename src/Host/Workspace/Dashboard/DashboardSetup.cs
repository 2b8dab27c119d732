namespace Workflows.Host.Workspace.Dashboard;

/// <summary>The supervision dashboard: its query, page, API twin and the chart library it serves.</summary>
internal static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<DashboardQuery>();

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapDashboardAssets(app.Environment.ContentRootPath);
        app.MapDashboardEndpoints();
        return app;
    }
}

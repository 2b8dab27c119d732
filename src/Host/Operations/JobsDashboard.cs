using Hangfire;
using Hangfire.Dashboard;
using Workflows.Host.Security;

namespace Workflows.Host.Operations;

/// <summary>
/// Hangfire's own dashboard at <c>/admin/jobs</c> (作业调度): scheduled timers, failed jobs with their exceptions and
/// retries, recurring sweeps, servers. Admins only, through the same Admin policy as every admin page (anonymous →
/// the login page, an officer → the denied page), never Hangfire's own local-requests filter.
/// </summary>
internal static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    public static void MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        var options = new DashboardOptions
        {
            DashboardTitle = "作业调度 · Jobs",
            // The link back from the dashboard's header goes to the admin pages.
            AppPath = "/admin/definitions",
            // The connection string carries the database password in cluster mode.
            DisplayStorageConnectionString = false,
        };
        app.MapHangfireDashboardWithNoAuthorizationFilters(Path, options, app.ServiceProvider.GetRequiredService<JobStorage>())
            .RequireAuthorization(Policies.Admin);
    }
}

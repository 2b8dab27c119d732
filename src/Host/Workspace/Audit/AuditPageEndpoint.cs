using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Security;
using Workflows.Host.Web;

namespace Workflows.Host.Workspace.Audit;

/// <summary><c>/admin/audit</c>: the audit trail with filters (user, action, resource, dates) and paging (<see cref="AuditLogPage"/>).</summary>
internal static class AuditPageEndpoint
{
    public static IEndpointRouteBuilder MapAuditPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(SiteMenu.Audit, async ([AsParameters] AuditEndpoints.AuditFilterQuery query, AuditQuery audit, CancellationToken ct) =>
            {
                var filter = query.ToFilter();
                var (page, errors) = await audit.RunAsync(filter, ct);
                return new RazorComponentResult<AuditLogPage>(new Dictionary<string, object?>
                {
                    [nameof(AuditLogPage.Filter)] = filter,
                    [nameof(AuditLogPage.Page)] = page,
                    [nameof(AuditLogPage.Errors)] = errors,
                }) { StatusCode = page is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK };
            })
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();
        return app;
    }
}

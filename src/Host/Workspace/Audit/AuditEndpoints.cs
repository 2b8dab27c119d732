using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Host.Security;

namespace Workflows.Host.Workspace.Audit;

/// <summary><c>GET /api/audit</c>: the audit trail for admins and API keys, the page's twin.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAsync)
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("审计 / Audit")
            .WithSummary("审计日志 / The audit trail, newest first")
            .WithDescription("Filters: user (name contains, or exact user id), action, resourceType, resourceId, from/to (China dates YYYY-MM-DD, inclusive), page (from 1), pageSize (1-500, default 50).");
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync([AsParameters] AuditFilterQuery query, AuditQuery audit, CancellationToken ct)
    {
        var (page, errors) = await audit.RunAsync(query.ToFilter(), ct);
        return page is null
            ? TypedResults.ValidationProblem(errors, title: "请求参数有误 / One or more fields are invalid.")
            : TypedResults.Ok(page);
    }

    /// <summary>The query string of <see cref="AuditFilter"/>.</summary>
    internal sealed record AuditFilterQuery(
        [FromQuery(Name = "user")] string? User, [FromQuery(Name = "action")] string? Action,
        [FromQuery(Name = "resourceType")] string? ResourceType, [FromQuery(Name = "resourceId")] string? ResourceId,
        [FromQuery(Name = "from")] string? From, [FromQuery(Name = "to")] string? To,
        [FromQuery(Name = "page")] int? Page, [FromQuery(Name = "pageSize")] int? PageSize)
    {
        public AuditFilter ToFilter() => new(User, Action, ResourceType, ResourceId, From, To, Page, PageSize);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Security;

namespace Workflows.Host.Workspace.Users;

/// <summary><c>/api/users</c>: the API twin of <c>/admin/users</c> for listing and creating accounts (admins and API keys).</summary>
internal static class UserApi
{
    public static IEndpointRouteBuilder MapUserApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").RequireAuthorization(Policies.Admin).WithTags("用户 / Users")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapGet("", async (UserAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)))
            .WithSummary("用户列表 / The users");
        users.MapPost("", CreateAsync).WithSummary("新建用户：工作人员须选择与角色相符的在用单位 / Create a user; an officer picks an active unit of the role's kind");
        return app;
    }

    private static async Task<Results<Created<UserView>, ValidationProblem>> CreateAsync(NewUser? request, UserAdministration admin, CancellationToken ct)
    {
        if (request is null) return ApiResults.Invalid("body", "请求体应为 {\"userName\",\"displayName\",\"role\",\"unitId\",\"password\"}。");
        return await admin.CreateAsync(request, null, ct) switch
        {
            UserAdministration.Done done => TypedResults.Created($"/api/users/{done.User.Id}", done.User),
            UserAdministration.Invalid invalid => ApiResults.Invalid(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }
}

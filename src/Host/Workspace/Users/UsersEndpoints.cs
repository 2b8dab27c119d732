using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Host.Security;
using Workflows.Host.Web;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Pages;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Workspace.Users;

public sealed class NewUserForm
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? UnitId { get; set; }
    public string? Password { get; set; }
}

public sealed class ResetPasswordForm
{
    public string? Password { get; set; }
}

/// <summary><c>/admin/users</c>: the user list, a new-user form, and per user reset password, lock and unlock (<see cref="UsersPage"/>).</summary>
internal static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersPage(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(SiteMenu.Users).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        pages.MapGet("", async (string? done, string? user, UserAdministration admin, IJurisdiction jurisdiction, CancellationToken ct) =>
            await RenderAsync(admin, jurisdiction, done is "created" or "password" or "locked" or "unlocked" ? new UsersPage.Notice(done, user ?? "") : null, null, null, StatusCodes.Status200OK, ct));
        pages.MapPost("", CreateAsync).RequireAntiforgeryToken();
        pages.MapPost("/{userId}/password", ResetAsync).RequireAntiforgeryToken();
        pages.MapPost("/{userId}/lock", (string userId, UserAdministration admin, ICurrentOfficer me, IJurisdiction jurisdiction, CancellationToken ct) =>
            AfterAsync(admin, jurisdiction, admin.LockAsync(userId, me.UserId, ct), "locked", ct)).RequireAntiforgeryToken();
        pages.MapPost("/{userId}/unlock", (string userId, UserAdministration admin, IJurisdiction jurisdiction, CancellationToken ct) =>
            AfterAsync(admin, jurisdiction, admin.UnlockAsync(userId, ct), "unlocked", ct)).RequireAntiforgeryToken();
        return app;
    }

    private static async Task<IResult> CreateAsync([FromForm] NewUserForm form, UserAdministration admin, IJurisdiction jurisdiction, CancellationToken ct)
    {
        var result = await admin.CreateAsync(new NewUser(form.UserName, form.DisplayName, form.Role, form.UnitId, form.Password), null, ct);
        return result is UserAdministration.Invalid invalid
            ? await RenderAsync(admin, jurisdiction, null, form, invalid.Errors, StatusCodes.Status400BadRequest, ct)
            : await AfterAsync(admin, jurisdiction, Task.FromResult(result), "created", ct);
    }

    private static Task<IResult> ResetAsync(string userId, [FromForm] ResetPasswordForm form, UserAdministration admin,
        IJurisdiction jurisdiction, CancellationToken ct) =>
        AfterAsync(admin, jurisdiction, admin.ResetPasswordAsync(userId, form.Password, ct), "password", ct);

    /// <summary>Post/redirect/get on success (a reload does not post again); the page with the errors otherwise.</summary>
    private static async Task<IResult> AfterAsync(UserAdministration admin, IJurisdiction jurisdiction,
        Task<UserAdministration.Result> change, string done, CancellationToken ct) =>
        await change switch
        {
            UserAdministration.Done d => TypedResults.Redirect($"{SiteMenu.Users}?done={done}&user={Uri.EscapeDataString(d.User.UserName)}"),
            UserAdministration.Invalid i => await RenderAsync(admin, jurisdiction, null, null, i.Errors, StatusCodes.Status400BadRequest, ct),
            _ => await RenderAsync(admin, jurisdiction, null, null, null, StatusCodes.Status404NotFound, ct),
        };

    private static async Task<IResult> RenderAsync(UserAdministration admin, IJurisdiction jurisdiction, UsersPage.Notice? notice,
        NewUserForm? form, Dictionary<string, string[]>? errors, int status, CancellationToken ct)
    {
        var units = (await jurisdiction.UnitsAsync(ct)).Where(u => u.Kind is not (UnitKind.Compound or UnitKind.District)).ToList();
        return new RazorComponentResult<UsersPage>(new Dictionary<string, object?>
        {
            [nameof(UsersPage.Users)] = await admin.ListAsync(ct),
            [nameof(UsersPage.Units)] = units,
            [nameof(UsersPage.Done)] = notice,
            [nameof(UsersPage.Form)] = form,
            [nameof(UsersPage.Errors)] = errors,
            [nameof(UsersPage.UserMissing)] = status == StatusCodes.Status404NotFound,
        }) { StatusCode = status };
    }
}

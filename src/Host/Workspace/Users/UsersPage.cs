using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Pages;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Jurisdictions;
using static Workflows.Host.Workspace.Pages.Html;

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

/// <summary><c>/admin/users</c>: the user list, a new-user form, and per user reset password, lock and unlock.</summary>
internal static class UsersPage
{
    public static IEndpointRouteBuilder MapUsersPage(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(PageFrame.Users).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        pages.MapGet("", async (HttpContext context, UserAdministration admin, IJurisdiction jurisdiction, CancellationToken ct) =>
            Page(await RenderAsync(context, admin, jurisdiction, Notice(context), null, null, ct)));
        pages.MapPost("", CreateAsync).RequireAntiforgeryToken();
        pages.MapPost("/{userId}/password", ResetAsync).RequireAntiforgeryToken();
        pages.MapPost("/{userId}/lock", (string userId, HttpContext context, UserAdministration admin, ICurrentOfficer me, IJurisdiction jurisdiction, CancellationToken ct) =>
            AfterAsync(context, admin, jurisdiction, admin.LockAsync(userId, me.UserId, ct), "locked", ct)).RequireAntiforgeryToken();
        pages.MapPost("/{userId}/unlock", (string userId, HttpContext context, UserAdministration admin, IJurisdiction jurisdiction, CancellationToken ct) =>
            AfterAsync(context, admin, jurisdiction, admin.UnlockAsync(userId, ct), "unlocked", ct)).RequireAntiforgeryToken();
        return app;
    }

    private static async Task<IResult> CreateAsync([FromForm] NewUserForm form, HttpContext context, UserAdministration admin,
        IJurisdiction jurisdiction, CancellationToken ct)
    {
        var result = await admin.CreateAsync(new NewUser(form.UserName, form.DisplayName, form.Role, form.UnitId, form.Password), null, ct);
        return result is UserAdministration.Invalid invalid
            ? Page(await RenderAsync(context, admin, jurisdiction, null, form, invalid.Errors, ct), StatusCodes.Status400BadRequest)
            : await AfterAsync(context, admin, jurisdiction, Task.FromResult(result), "created", ct);
    }

    private static Task<IResult> ResetAsync(string userId, [FromForm] ResetPasswordForm form, HttpContext context, UserAdministration admin,
        IJurisdiction jurisdiction, CancellationToken ct) =>
        AfterAsync(context, admin, jurisdiction, admin.ResetPasswordAsync(userId, form.Password, ct), "password", ct);

    /// <summary>Post/redirect/get on success (a reload does not post again); the page with the errors otherwise.</summary>
    private static async Task<IResult> AfterAsync(HttpContext context, UserAdministration admin, IJurisdiction jurisdiction,
        Task<UserAdministration.Result> change, string done, CancellationToken ct) =>
        await change switch
        {
            UserAdministration.Done d => TypedResults.Redirect($"{PageFrame.Users}?done={done}&user={Uri.EscapeDataString(d.User.UserName)}"),
            UserAdministration.Invalid i => Page(await RenderAsync(context, admin, jurisdiction, null, null, i.Errors, ct), StatusCodes.Status400BadRequest),
            _ => Page(await RenderAsync(context, admin, jurisdiction, null, null, new() { ["userId"] = ["用户不存在 / No such user."] }, ct),
                StatusCodes.Status404NotFound),
        };

    private static string? Notice(HttpContext context)
    {
        var text = WorkspaceText.For(AdminLanguage.Resolve(context));
        var user = context.Request.Query["user"].ToString();
        return context.Request.Query["done"].ToString() switch
        {
            "created" => $"{text.UserCreated}{(text.IsChinese ? "：" : ": ")}{user}",
            "password" => text.PasswordReset + user,
            "locked" => text.UserLocked + user,
            "unlocked" => text.UserUnlocked + user,
            _ => null,
        };
    }

    private static async Task<string> RenderAsync(HttpContext context, UserAdministration admin, IJurisdiction jurisdiction, string? notice,
        NewUserForm? form, Dictionary<string, string[]>? errors, CancellationToken ct)
    {
        var language = AdminLanguage.Resolve(context);
        var text = WorkspaceText.For(language);
        var users = await admin.ListAsync(ct);
        var units = (await jurisdiction.UnitsAsync(ct)).Where(u => u.Kind is not (UnitKind.Compound or UnitKind.District)).ToList();
        var token = AntiforgeryField(context);
        var generalErrors = errors is not null && errors.TryGetValue("userId", out var general) ? $"<p class=\"error\" role=\"alert\">{E(string.Join(" ", general))}</p>" : "";
        var message = notice is null ? "" : $"<p class=\"message\" role=\"status\">{E(notice)}</p>";
        var roleOptions = $"<option value=\"\">{E(text.ChooseRole)}</option>" + string.Concat(Roles.Officers.Append(Roles.Admin).Select(r => $"<option value=\"{r}\"{Selected(form?.Role == r)}>{E(text.RoleName(r))}</option>"));
        var unitOptions = $"<option value=\"\">{E(text.ChooseUnit)}</option>" + string.Concat(units.Select(u =>
            $"<option value=\"{E(u.Id)}\" data-kind=\"{u.Kind}\"{Selected(form?.UnitId == u.Id)}>{E(u.Name)}（{E(KindName(u.Kind, text))}）</option>"));
        var rows = string.Concat(users.Select(u => Row(u, text, token)));
        var resetErrors = errors is not null && form is null ? Errors(errors, "password") : "";
        return PageFrame.Render(text.UsersTitle, AdminMenu.Users, language, context, $"""
            {message}{generalErrors}{resetErrors}
            <section class="panel">
              <h2>{E(text.NewUser)}</h2>
              <form method="post" action="{PageFrame.Users}" class="inline">
                {token}
                <div><label for="userName">{E(text.UserName)}</label><input id="userName" name="userName" type="text" value="{E(form?.UserName)}">{Errors(form is null ? null : errors, "userName")}</div>
                <div><label for="displayName">{E(text.DisplayName)}</label><input id="displayName" name="displayName" type="text" value="{E(form?.DisplayName)}">{Errors(form is null ? null : errors, "displayName")}</div>
                <div><label for="role">{E(text.Role)}</label><select id="role" name="role">{roleOptions}</select>{Errors(form is null ? null : errors, "role")}</div>
                <div><label for="unitId">{E(text.Unit)}</label><select id="unitId" name="unitId">{unitOptions}</select>{Errors(form is null ? null : errors, "unitId")}</div>
                <div><label for="password">{E(text.InitialPassword)}</label><input id="password" name="password" type="password" autocomplete="new-password">{Errors(form is null ? null : errors, "password")}</div>
                <div><button class="primary" type="submit">{E(text.Create)}</button></div>
              </form>
              <p class="muted">{E(text.PasswordHint)}</p>
            </section>
            <table>
              <thead><tr><th>{E(text.UserName)}</th><th>{E(text.DisplayName)}</th><th>{E(text.Role)}</th><th>{E(text.Unit)}</th><th>{E(text.Status)}</th><th>{E(text.CreatedAt)}</th><th>{E(text.Actions)}</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
    }

    private static string Row(UserView user, WorkspaceText text, string token)
    {
        var status = user.Locked
            ? $"{E(text.Locked)}{(user.LockedUntil is { } until && until < DateTimeOffset.MaxValue.AddYears(-1) ? $"（{E(text.LockedUntil)} {Time(until)}）" : "")}"
            : E(text.Active);
        var path = $"{PageFrame.Users}/{Uri.EscapeDataString(user.Id)}";
        var lockForm = user.Locked
            ? $"<form method=\"post\" action=\"{path}/unlock\">{token}<button class=\"small\" type=\"submit\">{E(text.Unlock)}</button></form>"
            : $"<form method=\"post\" action=\"{path}/lock\">{token}<button class=\"small\" type=\"submit\">{E(text.Lock)}</button></form>";
        return $"""
            <tr data-user="{E(user.UserName)}">
              <td>{E(user.UserName)}</td><td>{E(user.DisplayName)}</td><td>{E(text.RoleName(user.Role))}</td>
              <td>{E(user.UnitName ?? text.NoUnit)}</td><td class="status">{status}</td><td>{Time(user.CreatedAt)}</td>
              <td>
                <form method="post" action="{path}/password">{token}<input name="password" type="password" autocomplete="new-password" aria-label="{E(text.NewPassword)}"><button class="small" type="submit">{E(text.ResetPassword)}</button></form>
                {lockForm}
              </td>
            </tr>
            """;
    }

    internal static string Time(DateTimeOffset instant) =>
        ChinaTime.ToChinaTime(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string KindName(UnitKind kind, WorkspaceText text) => (kind, text.IsChinese) switch
    {
        (UnitKind.DistrictHousingBureau, true) => "区住建局",
        (UnitKind.DistrictLeadingGroup, true) => "区领导小组",
        (UnitKind.StreetOffice, true) => "街道办",
        (UnitKind.Community, true) => "社区",
        _ => kind.ToString(),
    };
}

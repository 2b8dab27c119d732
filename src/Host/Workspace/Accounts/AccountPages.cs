using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Pages;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Accounts;

public sealed class SignInForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

/// <summary>Sign in, sign out, change my password, access denied, and the signed-in home page.</summary>
internal static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet(SecuritySetup.LoginPath, (HttpContext context, string? returnUrl) =>
            Page(LoginPage(context, returnUrl, null, null))).AllowAnonymous();
        pages.MapPost(SecuritySetup.LoginPath, SignInAsync).AllowAnonymous().RequireAntiforgeryToken().RequireRateLimiting(SignInThrottle.PolicyName);
        pages.MapPost(SecuritySetup.LogoutPath, async (HttpContext context, AccountSignIn signIn, CancellationToken ct) =>
        {
            await signIn.SignOutAsync(ct);
            return TypedResults.Redirect(SecuritySetup.LoginPath + "?signedOut=1");
        }).RequireAuthorization(Policies.SignedIn).RequireAntiforgeryToken();
        pages.MapGet(SecuritySetup.DeniedPath, (HttpContext context) => Page(DeniedPage(context), StatusCodes.Status403Forbidden))
            .RequireAuthorization(Policies.SignedIn);
        pages.MapGet(PageFrame.ChangePassword, (HttpContext context) => Page(PasswordPage(context, null, null)))
            .RequireAuthorization(Policies.SignedIn);
        pages.MapPost(PageFrame.ChangePassword, ChangePasswordAsync).RequireAuthorization(Policies.SignedIn).RequireAntiforgeryToken();
        pages.MapGet(PageFrame.Home, (HttpContext context, ICurrentOfficer officer) => Page(HomePage(context, officer)))
            .RequireAuthorization(Policies.SignedIn);
        return app;
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, [FromQuery] string? returnUrl, HttpContext context,
        AccountSignIn signIn, ICurrentOfficer officer, CancellationToken ct)
    {
        var text = WorkspaceText.For(AdminLanguage.Resolve(context));
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
            return Page(LoginPage(context, returnUrl, form.UserName, text.SignInFailed), StatusCodes.Status400BadRequest);
        var next = ReturnUrls.Safe(returnUrl) ?? PageFrame.Home;
        var outcome = await signIn.PasswordSignInAsync(form.UserName.Trim(), form.Password, ct);
        return outcome switch
        {
            AccountSignIn.Outcome.SignedIn => TypedResults.LocalRedirect(next),
            AccountSignIn.Outcome.Throttled => Page(LoginPage(context, returnUrl, form.UserName, SignInThrottle.Message(text.IsChinese)), StatusCodes.Status429TooManyRequests),
            // Locked or not, unknown or not: one message, so the page never tells which user names exist.
            _ => Page(LoginPage(context, returnUrl, form.UserName, text.SignInFailed), StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<IResult> ChangePasswordAsync([FromForm] ChangePasswordForm form, HttpContext context,
        UserManager<WorkspaceUser> users, SignInManager<WorkspaceUser> signIn, IAuditLog audit, Persistence.WorkflowsDbContext db, CancellationToken ct)
    {
        var text = WorkspaceText.For(AdminLanguage.Resolve(context));
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(form.CurrentPassword)) errors["currentPassword"] = [text.Required];
        if (string.IsNullOrEmpty(form.NewPassword)) errors["newPassword"] = [text.Required];
        else if (form.NewPassword != form.ConfirmPassword) errors["confirmPassword"] = [text.PasswordsDiffer];
        var user = await users.GetUserAsync(context.User);
        if (user is null) return TypedResults.Redirect(SecuritySetup.LoginPath);
        if (errors.Count == 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
            if (result.Succeeded)
            {
                await audit.RecordAsync(new AuditRecord(AuditActions.UserChangePassword, AuditActions.Resources.User, user.Id,
                    After: new { userName = user.UserName }), ct);
                await transaction.CommitAsync(ct);
                // The security stamp changed: renew this session's cookie, the user's other sessions end.
                await signIn.RefreshSignInAsync(user);
                return Page(PasswordPage(context, null, text.PasswordChanged));
            }
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword";
                errors[field] = [.. errors.GetValueOrDefault(field) ?? [], error.Description];
            }
        }
        return Page(PasswordPage(context, errors, null), StatusCodes.Status400BadRequest);
    }

    private static string LoginPage(HttpContext context, string? returnUrl, string? userName, string? error)
    {
        var language = AdminLanguage.Resolve(context);
        var text = WorkspaceText.For(language);
        var action = SecuritySetup.LoginPath + (ReturnUrls.Safe(returnUrl) is { } back ? "?returnUrl=" + Uri.EscapeDataString(back) : "");
        var notice = error is not null ? $"<p class=\"error\" role=\"alert\">{E(error)}</p>"
            : context.Request.Query.ContainsKey("signedOut") ? $"<p class=\"message\">{E(text.SignedOut)}</p>" : "";
        return PageFrame.RenderBare(text.SignIn, language, context, $"""
            {notice}
            <form method="post" action="{E(action)}">
              {AntiforgeryField(context)}
              <label for="userName">{E(text.UserName)}</label>
              <input id="userName" name="userName" type="text" autocomplete="username" required autofocus value="{E(userName)}">
              <label for="password">{E(text.Password)}</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <div><button class="primary" type="submit">{E(text.SignInButton)}</button></div>
            </form>
            """);
    }

    private static string PasswordPage(HttpContext context, IReadOnlyDictionary<string, string[]>? errors, string? message)
    {
        var language = AdminLanguage.Resolve(context);
        var text = WorkspaceText.For(language);
        var notice = message is null ? "" : $"<p class=\"message\" role=\"status\">{E(message)}</p>";
        return PageFrame.Render(text.ChangePasswordTitle, AdminMenu.None, language, context, $"""
            <div class="panel">
            {notice}
            <form method="post" action="{PageFrame.ChangePassword}">
              {AntiforgeryField(context)}
              <label for="currentPassword">{E(text.CurrentPassword)}</label>
              <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password">
              {Errors(errors, "currentPassword")}
              <label for="newPassword">{E(text.NewPassword)}</label>
              <input id="newPassword" name="newPassword" type="password" autocomplete="new-password">
              {Errors(errors, "newPassword")}
              <p class="muted">{E(text.PasswordHint)}</p>
              <label for="confirmPassword">{E(text.ConfirmPassword)}</label>
              <input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password">
              {Errors(errors, "confirmPassword")}
              <div><button class="primary" type="submit">{E(text.Save)}</button></div>
            </form>
            </div>
            """);
    }

    private static string DeniedPage(HttpContext context)
    {
        var language = AdminLanguage.Resolve(context);
        var text = WorkspaceText.For(language);
        return PageFrame.Render(text.DeniedTitle, AdminMenu.None, language, context,
            $"<p class=\"error\">{E(text.Denied)}</p><p><a href=\"{PageFrame.Home}\">{E(text.BackHome)}</a></p>");
    }

    /// <summary>Where everyone lands after signing in; the task inbox will take this place.</summary>
    private static string HomePage(HttpContext context, ICurrentOfficer officer)
    {
        var language = AdminLanguage.Resolve(context);
        var text = WorkspaceText.For(language);
        var role = officer.Roles.FirstOrDefault(Security.Roles.IsKnown);
        var colon = text.IsChinese ? "：" : ": ";
        var rows = $"<p>{E(text.YourRole)}{colon}{E(role is null ? "" : text.RoleName(role))}</p>"
                   + (officer.Unit is { } unit ? $"<p>{E(text.YourUnit)}{colon}{E(unit.Name)}</p>" : "");
        var admin = officer.IsAdmin ? $"<p><a href=\"{StudioPaths.Definitions}\">{E(text.AdminEntry)}</a></p>" : "";
        return PageFrame.Render(text.Home, AdminMenu.None, language, context, $"""
            <div class="panel">
              <h2>{E(text.Welcome)}{(text.IsChinese ? "，" : ", ")}{E(officer.DisplayName)}</h2>
              {rows}
              {admin}
              <p class="muted">{E(text.InboxComing)}</p>
            </div>
            """);
    }
}

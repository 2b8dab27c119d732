using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Workflows.Host.Security;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Pages;

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

/// <summary>Sign in, sign out, change my password, access denied, and the signed-in home page (Razor components).</summary>
internal static class AccountPages
{
    public const string ChangePasswordPath = "/account/password";

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet(SecuritySetup.LoginPath, (HttpContext context, string? returnUrl) =>
            LoginPage(returnUrl, null, context.Request.Query.ContainsKey("signedOut") ? SignInNotice.SignedOut : SignInNotice.None)).AllowAnonymous();
        pages.MapPost(SecuritySetup.LoginPath, SignInAsync).AllowAnonymous().RequireAntiforgeryToken().RequireRateLimiting(SignInThrottle.PolicyName);
        pages.MapPost(SecuritySetup.LogoutPath, async (HttpContext context, AccountSignIn signIn, CancellationToken ct) =>
        {
            await signIn.SignOutAsync(ct);
            return TypedResults.Redirect(SecuritySetup.LoginPath + "?signedOut=1");
        }).RequireAuthorization(Policies.SignedIn).RequireAntiforgeryToken();
        pages.MapGet(SecuritySetup.DeniedPath, () => new RazorComponentResult<DeniedPage> { StatusCode = StatusCodes.Status403Forbidden })
            .RequireAuthorization(Policies.SignedIn);
        pages.MapGet(ChangePasswordPath, () => PasswordPage(changed: false, []))
            .RequireAuthorization(Policies.SignedIn);
        pages.MapPost(ChangePasswordPath, ChangePasswordAsync).RequireAuthorization(Policies.SignedIn).RequireAntiforgeryToken();
        pages.MapGet("/", () => new RazorComponentResult<HomePage>())
            .RequireAuthorization(Policies.SignedIn);
        return app;
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, [FromQuery] string? returnUrl, HttpContext context,
        AccountSignIn signIn, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
            return LoginPage(returnUrl, form.UserName, SignInNotice.Failed, StatusCodes.Status400BadRequest);
        var outcome = await signIn.PasswordSignInAsync(form.UserName.Trim(), form.Password, ct);
        return outcome switch
        {
            AccountSignIn.Outcome.SignedIn => TypedResults.LocalRedirect(ReturnUrls.Safe(returnUrl) ?? "/"),
            AccountSignIn.Outcome.Throttled => LoginPage(returnUrl, form.UserName, SignInNotice.Throttled, StatusCodes.Status429TooManyRequests),
            // Locked or not, unknown or not: one message, so the page never tells which user names exist.
            _ => LoginPage(returnUrl, form.UserName, SignInNotice.Failed, StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<IResult> ChangePasswordAsync([FromForm] ChangePasswordForm form, HttpContext context,
        UserManager<WorkspaceUser> users, SignInManager<WorkspaceUser> signIn, IAuditLog audit, Persistence.WorkflowsDbContext db, CancellationToken ct)
    {
        var errors = new List<PasswordError>();
        if (string.IsNullOrEmpty(form.CurrentPassword)) errors.Add(new(PasswordField.Current, "Required"));
        if (string.IsNullOrEmpty(form.NewPassword)) errors.Add(new(PasswordField.New, "Required"));
        else if (form.NewPassword != form.ConfirmPassword) errors.Add(new(PasswordField.Confirm, "PasswordsDiffer"));
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
                return PasswordPage(changed: true, []);
            }
            errors.AddRange(result.Errors.Select(error => new PasswordError(
                error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? PasswordField.Current : PasswordField.New, error.Code, error.Description)));
        }
        return PasswordPage(changed: false, errors, StatusCodes.Status400BadRequest);
    }

    private static RazorComponentResult<SignInPage> LoginPage(string? returnUrl, string? userName, SignInNotice notice, int status = StatusCodes.Status200OK) =>
        new(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Action)] = SecuritySetup.LoginPath + (ReturnUrls.Safe(returnUrl) is { } back ? "?returnUrl=" + Uri.EscapeDataString(back) : ""),
            [nameof(SignInPage.UserName)] = userName,
            [nameof(SignInPage.Notice)] = notice,
        }) { StatusCode = status };

    private static RazorComponentResult<PasswordPage> PasswordPage(bool changed, IReadOnlyList<PasswordError> errors, int status = StatusCodes.Status200OK) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Accounts.PasswordPage.Changed)] = changed,
            [nameof(Accounts.PasswordPage.Errors)] = errors,
        }) { StatusCode = status };
}

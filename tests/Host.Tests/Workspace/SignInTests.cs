using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Workspace.Accounts;
using Workflows.Host.Workspace.Audit;

namespace Workflows.Host.Tests.Workspace;

/// <summary>Sign-in with the demo users of Development: success, failure, lockout after five failures, sign out, change password.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly WorkflowsApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task The_login_page_is_Chinese_first_and_English_with_lang_en()
    {
        using var session = Session.Anonymous(_app);

        var chinese = await session.Client.GetPageAsync("/account/login");
        var english = await session.Client.GetPageAsync("/account/login?lang=en");

        Assert.Equal("zh-Hans", chinese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("登录 - 物业管理工作平台", chinese.Title);
        Assert.Equal("用户名", chinese.Text("label[for=userName]"));
        Assert.Equal("密码", chinese.Text("label[for=password]"));
        Assert.Equal("English", chinese.Text("a[href='/account/login?lang=en']"));
        // Sent as UTF-8 text, not as character references (three times the bytes).
        Assert.Contains("<label for=\"userName\">用户名</label>", chinese.Source.Text, StringComparison.Ordinal);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in - Property management workspace", english.Title);
        Assert.Equal("User name", english.Text("label[for=userName]"));
    }

    [Fact]
    public async Task A_page_asks_an_anonymous_visitor_to_sign_in_and_an_API_answers_401()
    {
        using var session = Session.Anonymous(_app);

        using var page = await session.Client.GetAsync("/admin/definitions");
        using var api = await session.Client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/login?returnUrl=%2Fadmin%2Fdefinitions", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Signing_in_goes_back_to_the_page_asked_for_and_is_audited()
    {
        using var session = Session.Anonymous(_app);

        using var response = await session.PostFormAsync("/account/login", "/account/login?returnUrl=%2Fadmin%2Fusers",
            new() { ["userName"] = "admin", ["password"] = Session.DemoPassword });
        var users = await session.Client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains(await AuditAsync(AuditActions.SignInSucceeded), e => e.ActorName == "admin" && e.ActorKind == AuditActor.Kinds.User);
    }

    [Fact]
    public async Task A_return_address_outside_the_service_is_ignored()
    {
        using var session = Session.Anonymous(_app);

        using var response = await session.PostFormAsync("/account/login", "/account/login?returnUrl=%2F%2Fevil.example.com%2F",
            new() { ["userName"] = "admin", ["password"] = Session.DemoPassword });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_audited()
    {
        using var session = Session.Anonymous(_app);

        using var response = await session.SignInAttemptAsync("community.shangwu", "Wrong-password-1");
        using var unknown = await session.SignInAttemptAsync("nobody.here", "Wrong-password-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Dom.ParseAsync(response)).Text("[role=alert]");
        Assert.StartsWith("用户名或密码不正确，或账户已被锁定", message, StringComparison.Ordinal);
        // An unknown user name reads exactly like a wrong password: the page never tells which names exist.
        Assert.Equal(message, (await Dom.ParseAsync(unknown)).Text("[role=alert]"));
        Assert.Equal("community.shangwu", (await Dom.ParseAsync(response)).QuerySelector("#userName")?.GetAttribute("value"));
        var failures = await AuditAsync(AuditActions.SignInFailed);
        Assert.Contains(failures, e => e.ActorName == "community.shangwu" && e.AfterJson!.Contains("wrong-password", StringComparison.Ordinal));
        Assert.Contains(failures, e => e.ActorName == "nobody.here" && e.ActorKind == AuditActor.Kinds.Anonymous);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_15_minutes_even_against_the_right_password()
    {
        using var session = Session.Anonymous(_app);
        var before = DateTimeOffset.UtcNow;

        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await session.SignInAttemptAsync("street.hudong", $"Wrong-password-{i}")).StatusCode);
        using var fifth = await session.SignInAttemptAsync("street.hudong", "Wrong-password-5");
        using var right = await session.SignInAttemptAsync("street.hudong", Session.DemoPassword);

        Assert.Contains("用户名或密码不正确，或账户已被锁定", (await Dom.ParseAsync(fifth)).Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("用户名或密码不正确，或账户已被锁定", (await Dom.ParseAsync(right)).Text("[role=alert]"), StringComparison.Ordinal);
        var user = await UserAsync("street.hudong");
        Assert.InRange(user.LockoutEnd!.Value, before.AddMinutes(15), DateTimeOffset.UtcNow.AddMinutes(15).AddSeconds(1));
        var locked = Assert.Single(await AuditAsync(AuditActions.SignInLockedOut));
        Assert.Equal("street.hudong", locked.ActorName);
    }

    [Fact]
    public async Task The_lockout_ends_after_15_minutes()
    {
        using var session = Session.Anonymous(_app);
        for (var i = 0; i < 5; i++)
            await session.SignInAttemptAsync("street.minquan", $"Wrong-password-{i}");

        // Identity compares lockouts with the wall clock: move the stored end instead of waiting.
        await using (var scope = _app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
            var user = (await users.FindByNameAsync("street.minquan"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddSeconds(-1));
        }
        using var after = await session.SignInAttemptAsync("street.minquan", Session.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_is_audited()
    {
        using var session = await Session.SignInAsync(_app, "community.shangwu");
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/me")).StatusCode);

        using var signOut = await session.PostFormAsync("/", "/account/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/me")).StatusCode);
        Assert.Contains(await AuditAsync(AuditActions.SignOut), e => e.ActorName == "community.shangwu");
    }

    [Fact]
    public async Task Signing_out_without_the_form_token_is_refused()
    {
        using var session = await Session.SignInAsync(_app, "community.shangwu");

        using var signOut = await session.SendAsync(HttpMethod.Post, "/account/logout");

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Changing_my_password_checks_the_rules_and_the_new_password_works()
    {
        using var session = await Session.SignInAsync(_app, "community.minquan-1");

        using var weak = await session.PostFormAsync("/account/password", "/account/password", new()
        {
            ["currentPassword"] = Session.DemoPassword, ["newPassword"] = "short", ["confirmPassword"] = "short",
        });
        using var changed = await session.PostFormAsync("/account/password", "/account/password", new()
        {
            ["currentPassword"] = Session.DemoPassword, ["newPassword"] = "Xinmima#2027", ["confirmPassword"] = "Xinmima#2027",
        });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("密码至少 10 个字符。", (await Dom.ParseAsync(weak)).QuerySelectorAll("#newPassword-errors .field-error").Select(e => e.TextContent));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("密码已修改。", (await Dom.ParseAsync(changed)).Text("[role=status]"));
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/me")).StatusCode);
        using var again = Session.Anonymous(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAttemptAsync("community.minquan-1", "Xinmima#2027")).StatusCode);
        Assert.Contains(await AuditAsync(AuditActions.UserChangePassword), e => e.ActorName == "community.minquan-1");
    }

    private async Task<List<AuditEntry>> AuditAsync(string action)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }

    private async Task<WorkspaceUser> UserAsync(string userName)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
    }
}

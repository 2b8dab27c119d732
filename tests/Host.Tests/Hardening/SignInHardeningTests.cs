using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Workspace;
using Workflows.Host.Workspace.Accounts;

namespace Workflows.Host.Tests.Hardening;

/// <summary>Sign-in and sign-out: each test is a reproduction of a defect the security probe found.</summary>
public sealed class SignInHardeningTests
{
    [Fact]
    public async Task A_return_address_with_a_tab_signs_in_and_goes_home_instead_of_a_500()
    {
        await using var app = new WorkflowsApp();
        using var session = Session.Anonymous(app);

        using var response = await session.PostFormAsync("/account/login", "/account/login?returnUrl=%2F%09%2Fevil.example.com",
            new() { ["userName"] = "admin", ["password"] = Session.DemoPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_saved_before_sign_out_is_refused_after_it()
    {
        await using var app = new WorkflowsApp();
        using var session = await Session.SignInAsync(app, "community.shangwu");
        using var page = await session.Client.GetAsync("/api/me");
        var saved = string.Join("; ", page.RequestMessage!.Headers.GetValues("Cookie"));
        Assert.Contains("workflows-auth=", saved, StringComparison.Ordinal);

        using var signOut = await session.PostFormAsync("/", "/account/logout", []);
        using var replay = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", saved);
        using var replayed = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Fact]
    public async Task The_sixth_sign_in_attempt_from_one_address_inside_a_minute_is_throttled()
    {
        // The limit the service ships with (the shared test settings raise it for tests that sign in many users).
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { ["Security:SignInThrottle:PerAddress"] = "5" });
        using var session = Session.Anonymous(app);
        var names = new[] { "nobody.1", "nobody.2", "street.hudong", "nobody.3", "nobody.4" };

        foreach (var name in names)
            Assert.Equal(HttpStatusCode.BadRequest, (await session.SignInAttemptAsync(name, "Wrong-password-1")).StatusCode);
        using var sixth = await session.SignInAttemptAsync("admin", Session.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("登录尝试过于频繁", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(sixth.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Attempts_for_one_user_name_are_throttled_whatever_the_address()
    {
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { ["Security:SignInThrottle:PerUserName"] = "3" });
        using var session = Session.Anonymous(app);

        for (var i = 0; i < 3; i++)
            await session.SignInAttemptAsync("nobody.here", $"Wrong-password-{i}");
        using var fourth = await session.SignInAttemptAsync("nobody.here", "Wrong-password-4");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("登录尝试过于频繁", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_and_a_locked_user_get_the_same_answer()
    {
        await using var app = new WorkflowsApp();
        using var session = Session.Anonymous(app);
        for (var i = 0; i < 5; i++)
            await session.SignInAttemptAsync("street.wuxing", $"Wrong-password-{i}");

        using var locked = await session.SignInAttemptAsync("street.wuxing", Session.DemoPassword);
        using var unknown = await session.SignInAttemptAsync("street.nobody", Session.DemoPassword);

        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(Notice(await unknown.Content.ReadAsStringAsync()), Notice(await locked.Content.ReadAsStringAsync()));
        Assert.Contains("用户名或密码不正确", Notice(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Qwerty@12345", "PasswordSequence")]
    [InlineData("Abcdefgh12", "PasswordSequence")]
    [InlineData("Mima#9876zx", "PasswordSequence")]
    [InlineData("Zhongguo#2026", null)]
    public async Task Keyboard_and_alphabet_runs_are_refused(string password, string? code)
    {
        await using var app = new WorkflowsApp();
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
        var user = (await users.FindByNameAsync("community.shangwu"))!;

        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);

        if (code is null) Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        else Assert.Contains(result.Errors, e => e.Code == code && e.Description.Contains("连续的键盘或字母数字序列", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_last_five_passwords_cannot_be_chosen_again_and_the_sixth_can()
    {
        await using var app = new WorkflowsApp();
        using var session = await Session.SignInAsync(app, "community.minquan-1");
        string[] chosen = ["Xinmima#2027a", "Xinmima#2027b", "Xinmima#2027c", "Xinmima#2027d", "Xinmima#2027e"];
        var current = Session.DemoPassword;
        foreach (var next in chosen)
        {
            using var changed = await ChangeAsync(session, current, next);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            current = next;
        }

        using var previous = await ChangeAsync(session, current, "Xinmima#2027d");
        using var same = await ChangeAsync(session, current, current);
        using var oldest = await ChangeAsync(session, current, "Xinmima#2027a");
        using var sixthBack = await ChangeAsync(session, current, Session.DemoPassword);

        Assert.Equal(HttpStatusCode.BadRequest, previous.StatusCode);
        Assert.Contains("不能使用最近 5 次用过的密码", await previous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oldest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sixthBack.StatusCode);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.WorkflowsDbContext>();
        var user = db.Users.Single(u => u.UserName == "community.minquan-1");
        var history = db.PasswordHistory.Where(h => h.UserId == user.Id).ToList();
        Assert.Equal(5, history.Count);
        Assert.All(history, h => Assert.DoesNotContain("Xinmima", h.PasswordHash, StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> ChangeAsync(Session session, string current, string next) =>
        session.PostFormAsync("/account/password", "/account/password", new()
        {
            ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = next,
        });

    private static string Notice(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "<p class=\"error\" role=\"alert\">([^<]*)</p>").Groups[1].Value;
}

using System.Net;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Web;

namespace Workflows.Host.Tests.Workspace;

/// <summary>
/// The pages' foundation, read from the DOM: one layout with the menu by role, the person and unit, the language
/// chosen by <c>?lang=</c>, the cookie, then <c>Accept-Language</c>; labels tied to inputs; the security headers.
/// </summary>
public sealed class PageFoundationTests : IAsyncLifetime
{
    private readonly WorkflowsApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task An_officer_sees_the_workspace_menu_with_their_name_and_unit_in_Chinese_and_English()
    {
        using var officer = await Session.SignInAsync(_app, "community.shangwu");

        var chinese = await officer.Client.GetPageAsync("/");
        var english = await officer.Client.GetPageAsync("/?lang=en");

        Assert.Equal("工作台 - 物业管理工作平台", chinese.Title);
        Assert.Equal(["工作台", "我的待办", "案件"], chinese.MenuTexts());
        Assert.Equal("page", chinese.QuerySelector("header nav a[href='/']")?.GetAttribute("aria-current"));
        Assert.Contains("商务社区", chinese.Text(".admin-user"), StringComparison.Ordinal);
        Assert.Equal("社区", chinese.Text("#home-role"));
        Assert.NotNull(chinese.QuerySelector("form[action='/account/logout'] input[name=__RequestVerificationToken]"));
        Assert.NotNull(chinese.QuerySelector("main#main"));
        Assert.Equal("Workspace - Property management workspace", english.Title);
        Assert.Equal(["Workspace", "My inbox", "Cases"], english.MenuTexts());
        Assert.Equal("Community", english.Text("#home-role"));
        Assert.Equal("中文", english.Text("a.admin-lang"));
    }

    [Fact]
    public async Task An_admin_sees_the_administration_menu_and_no_inbox()
    {
        using var admin = await Session.SignInAsync(_app, "admin");

        var home = await admin.Client.GetPageAsync("/");

        var menu = home.QuerySelectorAll("header nav a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent.Trim());
        Assert.Equal("用户管理", menu["/admin/users"]);
        Assert.Equal("作业调度", menu["/admin/jobs"]);
        Assert.Equal("辖区设置", menu["/admin/district"]);
        Assert.Equal("节假日", menu["/admin/holidays"]);
        Assert.Equal("督办看板", menu["/dashboard"]);
        Assert.False(menu.ContainsKey("/tasks"));
        Assert.Equal("系统管理员", home.Text("#home-role"));
    }

    [Fact]
    public async Task The_language_chosen_with_lang_is_kept_in_a_cookie_and_Accept_Language_decides_without_one()
    {
        using var visitor = Session.Anonymous(_app);
        using var chosen = await visitor.Client.GetAsync("/account/login?lang=en");
        var later = await visitor.Client.GetPageAsync("/account/login");
        using var other = Session.Anonymous(_app);
        using var englishBrowser = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        englishBrowser.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        using var chineseBrowser = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        chineseBrowser.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");

        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("workflows-lang=en", StringComparison.Ordinal));
        Assert.Equal("en", later.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", (await Dom.ParseAsync(await other.Client.SendAsync(englishBrowser))).DocumentElement.GetAttribute("lang"));
        Assert.Equal("zh-Hans", (await Dom.ParseAsync(await other.Client.SendAsync(chineseBrowser))).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_password_page_ties_every_input_to_a_label_and_words_errors_in_the_page_language()
    {
        using var officer = await Session.SignInAsync(_app, "street.hudong");

        var page = await officer.Client.GetPageAsync("/account/password?lang=en");
        using var refused = await officer.PostFormAsync("/account/password", "/account/password", new()
        {
            ["currentPassword"] = Session.DemoPassword, ["newPassword"] = "Abcdefghij1!x", ["confirmPassword"] = "different",
        });
        var answer = await Dom.ParseAsync(refused);

        var inputs = page.QuerySelectorAll("main input:not([type=hidden])");
        Assert.Equal(3, inputs.Length);
        Assert.All(inputs, input => Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")));
        Assert.Equal(["Workspace", "Change password"], page.QuerySelectorAll(".breadcrumbs li").Select(li => li.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The two new passwords differ.", answer.Text("#confirmPassword-errors .field-error"));
    }

    [Fact]
    public async Task Every_page_and_API_answer_carries_the_security_headers_and_pages_allow_no_inline_code()
    {
        using var officer = await Session.SignInAsync(_app, "community.shangwu");

        using var login = await Session.Anonymous(_app).Client.GetAsync("/account/login");
        using var home = await officer.Client.GetAsync("/");
        using var api = await officer.Client.GetAsync("/api/me");
        using var stylesheet = await officer.Client.GetAsync((await Dom.ParseAsync(home)).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));

        foreach (var response in new[] { login, home, api, stylesheet })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }
        Assert.Equal(SecurityHeaders.PagePolicy, Assert.Single(home.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.PagePolicy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        var document = await Dom.ParseAsync(home);
        Assert.Empty(document.QuerySelectorAll("style, [style]"));
        Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
    }
}

using Microsoft.Playwright;
using Workflows.Browser.Tests.Fixtures;

namespace Workflows.Browser.Tests.Admin;

/// <summary>Signing in through the login page in Chromium; the Studio then works on the admin's cookie alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(BrowserFixture browser, HostFixture host)
{
    private static readonly LocatorWaitForOptions StudioStart = new() { Timeout = 90_000 };

    [Fact]
    public async Task An_admin_signs_in_and_the_definition_list_loads_its_data_through_the_cookie()
    {
        await using var session = await browser.NewPageAsync(host, userName: null);
        var page = session.Page;
        var apiCalls = new List<IRequest>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/elsa/api/", StringComparison.Ordinal)) apiCalls.Add(request);
        };

        await page.GotoAsync("admin/definitions");
        Assert.Equal("登录 - 物业管理工作平台", await page.TitleAsync());
        var list = page.WaitForResponseAsync(r => r.Url.Contains("/elsa/api/workflow-definitions", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await SignIn.AsAsync(page, "admin");

        Assert.EndsWith("/admin/definitions", page.Url, StringComparison.Ordinal);
        var html = await (await page.APIRequest.GetAsync("admin/definitions")).TextAsync();
        Assert.DoesNotContain("api-key", html, StringComparison.Ordinal);
        var listResponse = await list;
        Assert.Equal(200, listResponse.Status);
        var sent = await listResponse.Request.AllHeadersAsync();
        Assert.False(sent.ContainsKey("authorization"));
        Assert.Contains("workflows-auth=", sent.GetValueOrDefault("cookie") ?? "", StringComparison.Ordinal);
        // A shipped procedure (definitions/) in the Studio's list: the data came through.
        await page.GetByText("业主委员会换届").First.WaitForAsync(StudioStart);
        await session.ScreenshotAsync("definitions-signed-in");
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, call => Assert.False(call.Headers.ContainsKey("authorization"), $"{call.Url} sent Authorization"));
        Assert.Empty(session.NonLoopbackRequests());
    }

    [Fact]
    public async Task A_community_officer_is_refused_the_admin_pages()
    {
        await using var session = await browser.NewPageAsync(host, userName: null);
        var page = session.Page;
        await SignIn.AsAsync(page, "community.shangwu");
        Assert.Contains("商务社区", await page.Locator(".admin-user").InnerTextAsync(), StringComparison.Ordinal);

        var response = await page.GotoAsync("admin/definitions");

        Assert.Equal(403, response!.Status);
        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
        Assert.Equal("无权访问", await page.Locator("h1.admin-title").InnerTextAsync());
        Assert.Equal(0, await page.Locator("elsa-backend-provider").CountAsync());
    }
}

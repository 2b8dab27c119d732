using Microsoft.Playwright;
using Workflows.Browser.Tests.Fixtures;

namespace Workflows.Browser.Tests.Admin;

/// <summary>The admin pages against the real Host, with whatever /elsa/api it has (none needed here).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture browser, HostFixture host)
{
    private static readonly PageWaitForFunctionOptions StudioStart = new() { Timeout = 90_000, PollingInterval = 250 };

    [Fact]
    public async Task Definitions_page_starts_the_studio_in_Chinese_and_loads_nothing_from_outside()
    {
        await using var session = await browser.NewPageAsync(host);
        var page = session.Page;

        await page.GotoAsync("admin/definitions");
        await page.WaitForFunctionAsync("() => customElements.get('elsa-workflow-definition-list') !== undefined", null, StudioStart);

        Assert.Equal("流程定义 - 物业管理工作平台", await page.TitleAsync());
        Assert.Equal("流程定义", await page.Locator("h1.admin-title").InnerTextAsync());
        Assert.Equal("zh-Hans", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Equal("zh-Hans", await page.EvaluateAsync<string>("() => localStorage.getItem('BlazorCulture')"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.body.classList.contains('studio-ready')"));
        await session.ScreenshotAsync("definitions");

        Assert.Contains(session.Requests, url => url.EndsWith("/admin/_framework/blazor.webassembly.js", StringComparison.Ordinal));
        Assert.Empty(session.NonLoopbackRequests());
    }

    [Fact]
    public async Task Language_switch_renders_the_frame_in_English_and_remembers_it()
    {
        await using var session = await browser.NewPageAsync(host);
        var page = session.Page;
        // Only the server-rendered frame matters here: keep the Studio from starting .NET three times.
        await page.RouteAsync("**/admin/_framework/**", route => route.AbortAsync());

        await page.GotoAsync("admin/instances?lang=en");
        Assert.Equal("Workflow instances - Property management workspace", await page.TitleAsync());
        Assert.Equal("en-US", await page.EvaluateAsync<string>("() => localStorage.getItem('BlazorCulture')"));

        await page.GotoAsync("admin/definitions");
        Assert.Equal("Workflow definitions", await page.Locator("h1.admin-title").InnerTextAsync());

        await page.GetByText("中文").ClickAsync();
        await page.WaitForURLAsync("**/admin/definitions?lang=zh");
        Assert.Equal("流程定义", await page.Locator("h1.admin-title").InnerTextAsync());
    }
}

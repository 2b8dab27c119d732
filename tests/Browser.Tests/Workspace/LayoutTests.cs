using Microsoft.Playwright;
using Workflows.Browser.Tests.Fixtures;

namespace Workflows.Browser.Tests.Workspace;

/// <summary>The pages' layout in Chromium: the phone menu, no sideways scrolling at 390 px, the language switch that stays.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture browser, HostFixture host)
{
    [Fact]
    public async Task On_a_phone_the_menu_opens_from_a_button_and_no_page_scrolls_sideways()
    {
        await using var anonymous = await browser.NewPageAsync(host, userName: null, BrowserFixture.Phone);
        await anonymous.Page.GotoAsync("account/login");
        Assert.True(await FitsAsync(anonymous.Page), "the sign-in page scrolls sideways at 390 px");
        await anonymous.ScreenshotAsync("phone-sign-in");

        await using var session = await browser.NewPageAsync(host, "community.shangwu", BrowserFixture.Phone);
        var page = session.Page;
        await page.GotoAsync("");
        var inbox = page.Locator("header nav a[href='/tasks']");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "菜单" });

        Assert.True(await FitsAsync(page), "the home page scrolls sideways at 390 px");
        Assert.False(await inbox.IsVisibleAsync());
        await session.ScreenshotAsync("phone-home-closed");
        await button.ClickAsync();
        await inbox.WaitForAsync();
        Assert.Equal("true", await button.GetAttributeAsync("aria-expanded"));
        Assert.True(await FitsAsync(page), "the open menu makes the page scroll sideways");
        await session.ScreenshotAsync("phone-home-menu");

        await page.GotoAsync("account/password");
        Assert.True(await FitsAsync(page), "the password page scrolls sideways at 390 px");
        await session.ScreenshotAsync("phone-password");
    }

    [Fact]
    public async Task The_language_switch_stays_on_the_next_pages()
    {
        await using var session = await browser.NewPageAsync(host, "street.hudong", BrowserFixture.Wide);
        var page = session.Page;
        await page.GotoAsync("");
        Assert.Equal("工作台 - 物业管理工作平台", await page.TitleAsync());
        await session.ScreenshotAsync("wide-home-street");

        await page.Locator("a.admin-lang").ClickAsync();
        await page.WaitForURLAsync("**/?lang=en");
        await page.GotoAsync("account/password");

        Assert.Equal("Change password - Property management workspace", await page.TitleAsync());
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await session.ScreenshotAsync("wide-password-en");
        await page.Locator("a.admin-lang").ClickAsync();
        await page.WaitForURLAsync("**/account/password?lang=zh");
        await page.GotoAsync("");
        Assert.Equal("工作台 - 物业管理工作平台", await page.TitleAsync());
    }

    [Fact]
    public async Task An_admin_sees_the_administration_menu_in_one_row_on_a_wide_screen()
    {
        await using var session = await browser.NewPageAsync(host, "admin", BrowserFixture.Wide);
        var page = session.Page;
        await page.GotoAsync("");

        Assert.True(await page.Locator("header nav a[href='/admin/jobs']").IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).IsVisibleAsync());
        var header = await page.Locator("header.admin-header").BoundingBoxAsync();
        Assert.True(header!.Height < 80, $"the header wraps: {header.Height} px high");
        Assert.True(await FitsAsync(page, 1440));
        await session.ScreenshotAsync("wide-home-admin");
    }

    private static Task<bool> FitsAsync(IPage page, int width = 390) =>
        page.EvaluateAsync<bool>($"() => document.documentElement.scrollWidth <= {width}");
}

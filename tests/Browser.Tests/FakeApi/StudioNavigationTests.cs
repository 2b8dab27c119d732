using Microsoft.Playwright;
using Workflows.Browser.Tests.Fixtures;

namespace Workflows.Browser.Tests.FakeApi;

/// <summary>
/// The page integration of the list elements: rows, JS callbacks bound after customElements.whenDefined,
/// navigation between admin pages, no API key header for a signed-in admin. Runs against the TEMPORARY fake /elsa/api; move to
/// <see cref="HostFixture"/> with seeded data when the real REST API lands.
/// </summary>
[Collection(FakeApiBrowserCollection.Name)]
public sealed class StudioNavigationTests(BrowserFixture browser, FakeApiHostFixture host)
{
    private static readonly LocatorWaitForOptions StudioStart = new() { Timeout = 90_000 };

    [Fact]
    public async Task Clicking_a_definition_row_opens_the_editor_page_for_that_definition()
    {
        await using var session = await browser.NewPageAsync(host.BaseAddress);
        var page = session.Page;

        await SignIn.AsAsync(page, "admin");
        await page.GotoAsync("admin/definitions");
        var row = page.GetByText("物业报修审批");
        await row.WaitForAsync(StudioStart);
        await session.ScreenshotAsync("definitions-fake-api");
        await row.ClickAsync();

        await page.WaitForURLAsync($"**/admin/definitions/{FakeElsaApi.DefinitionId}");
        Assert.Equal(FakeElsaApi.DefinitionId,
            await page.Locator("elsa-workflow-definition-editor").GetAttributeAsync("definition-id"));
        Assert.Equal("编辑流程定义", await page.Locator("h1.admin-title").InnerTextAsync());
        // A signed-in admin's Studio sends no Authorization header: its cookie authenticates it.
        Assert.Contains(host.Api.Calls, call => call.Path == "/workflow-definitions");
        Assert.All(host.Api.Calls, call => Assert.Equal("", call.Authorization));
        Assert.Empty(session.NonLoopbackRequests());
    }

    [Fact]
    public async Task Clicking_an_instance_row_opens_the_viewer_page_for_that_instance()
    {
        await using var session = await browser.NewPageAsync(host.BaseAddress);
        var page = session.Page;

        await SignIn.AsAsync(page, "admin");
        await page.GotoAsync("admin/instances");
        // The name shows twice in the row (instance name and workflow column).
        var row = page.Locator("tbody tr").Filter(new() { HasText = "物业报修审批" }).First;
        await row.WaitForAsync(StudioStart);
        await session.ScreenshotAsync("instances-fake-api");
        await row.ClickAsync();

        await page.WaitForURLAsync($"**/admin/instances/{FakeElsaApi.InstanceId}");
        Assert.Equal(FakeElsaApi.InstanceId,
            await page.Locator("elsa-workflow-instance-viewer").GetAttributeAsync("instance-id"));
    }

    [Fact]
    public async Task The_editors_run_navigation_opens_the_instance_page()
    {
        await using var session = await browser.NewPageAsync(host.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "admin");
        await page.GotoAsync("admin/definitions");

        // What Blazor's NavigateTo("workflows/instances/{id}/view") does after Run: a pushState under the base href.
        await page.EvaluateAsync("() => history.pushState(null, '', new URL('workflows/instances/inst1/view', document.baseURI).href)");

        await page.WaitForURLAsync($"**/admin/instances/{FakeElsaApi.InstanceId}");
    }
}

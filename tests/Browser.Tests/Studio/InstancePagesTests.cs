using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.Studio;

/// <summary>
/// The instance list and the viewer against the real API: clean loads, the list's row callback, the
/// journal; and an instance started with the editor's Run button.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InstancePagesTests(BrowserFixture browser, HostFixture host)
{
    private static readonly LocatorAssertionsToBeVisibleOptions StudioStart = new() { Timeout = StudioUi.StartTimeout };

    [Fact]
    public async Task The_instance_list_opens_the_viewer_which_shows_the_journal_without_errors()
    {
        var definition = host.TestDefinition;
        var instanceId = await host.StartInstanceAsync(definition.DefinitionId);
        await using var session = await browser.NewPageAsync(host);
        var page = session.Page;

        await page.GotoAsync("admin/instances");
        var row = StudioUi.Row(page, instanceId);
        await Expect(row).ToBeVisibleAsync(StudioStart);
        await Expect(row).ToContainTextAsync(definition.Name);
        await session.AssertLoadedWithoutErrorsAsync();
        await session.ScreenshotAsync("instance-list");

        // The row callback (bound after customElements.whenDefined) opens the viewer page.
        await row.GetByText(instanceId).ClickAsync();
        await page.WaitForURLAsync($"**/admin/instances/{instanceId}", new() { Timeout = StudioUi.StepTimeout });
        Assert.Equal(instanceId, await page.Locator("elsa-workflow-instance-viewer").GetAttributeAsync("instance-id"));
        Assert.Equal("查看流程实例", await page.Locator("h1.admin-title").InnerTextAsync());
        await AssertJournalUpToTheDelayAsync(page, definition);
        await session.AssertLoadedWithoutErrorsAsync();
        await session.ScreenshotAsync("instance-viewer");
        Assert.Empty(session.NonLoopbackRequests());
    }

    [Fact]
    public async Task An_instance_run_from_the_editor_shows_its_journal_in_the_viewer_and_is_listed()
    {
        var definition = host.TestDefinition;
        await using var session = await browser.NewPageAsync(host);
        var page = session.Page;
        await page.GotoAsync(StudioUi.DefinitionPage(definition.DefinitionId));
        await Expect(StudioUi.ActivityNodes(page)).ToHaveCountAsync(definition.Activities.Count, new() { Timeout = StudioUi.StartTimeout });

        // Run answers with the new instance's id in a header; the Studio then pushState-navigates to
        // workflows/instances/{id}/view, which the page script turns into the instance page.
        var run = await page.RunAndWaitForResponseAsync(
            async () => await (await StudioUi.ToolbarButtonAsync(page, "Run Workflow")).ClickAsync(),
            response => response.Request.Method == "POST"
                && response.Url.EndsWith($"/workflow-definitions/{definition.DefinitionId}/execute", StringComparison.Ordinal),
            new() { Timeout = StudioUi.StepTimeout });
        Assert.Equal(200, run.Status);
        var instanceId = await run.HeaderValueAsync("x-elsa-workflow-instance-id");
        Assert.False(string.IsNullOrEmpty(instanceId));
        await session.AssertNoErrorsAsync();

        await page.WaitForURLAsync($"**/admin/instances/{instanceId}", new() { Timeout = StudioUi.StepTimeout });
        Assert.Equal(instanceId, await page.Locator("elsa-workflow-instance-viewer").GetAttributeAsync("instance-id"));
        await AssertJournalUpToTheDelayAsync(page, definition);
        await session.AssertLoadedWithoutErrorsAsync();
        await session.ScreenshotAsync("run-viewer");

        using var api = host.CreateApiClient();
        var instance = await api.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-instances/{instanceId}");
        Assert.Equal(("Running", "Suspended"), ((string?)instance!["status"], (string?)instance["subStatus"]));

        await page.GotoAsync("admin/instances");
        var row = StudioUi.Row(page, instanceId);
        await Expect(row).ToBeVisibleAsync(StudioStart);
        await Expect(row).ToContainTextAsync(definition.Name);
        await Expect(row).ToContainTextAsync("Suspended");
        await session.AssertLoadedWithoutErrorsAsync();
        await session.ScreenshotAsync("run-instance-list");
        Assert.Empty(session.NonLoopbackRequests());
    }

    /// <summary>
    /// The viewer of a new instance of the test definition: Start and the WriteLine ran, the Delay started and
    /// waits (15 days), nothing after it ran; the canvas draws every activity.
    /// </summary>
    private static async Task AssertJournalUpToTheDelayAsync(IPage page, SeededDefinition definition)
    {
        string Name(string id) => definition.Activities.Single(a => a.Id == id).Label!;
        foreach (var (activity, eventName) in new[] { ("start", "Started"), ("start", "Completed"), ("notice", "Started"), ("notice", "Completed"), ("wait", "Started") })
            await Expect(StudioUi.JournalEntry(page, Name(activity), eventName)).ToBeVisibleAsync(StudioStart);
        await Expect(StudioUi.JournalEntry(page, Name("wait"), "Completed")).ToHaveCountAsync(0);
        await Expect(StudioUi.JournalEntry(page, Name("filed"), "Started")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Suspended", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = StudioUi.StepTimeout });
        await Expect(StudioUi.ActivityNodes(page)).ToHaveCountAsync(definition.Activities.Count, new() { Timeout = StudioUi.StepTimeout });
    }
}

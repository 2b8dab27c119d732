using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.Studio;

/// <summary>
/// The definition list and the editor against the real API: clean loads, the list's row callback, every
/// imported definition drawn, an input edited and autosaved, Publish.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DefinitionPagesTests(BrowserFixture browser, HostFixture host)
{
    [Fact]
    public async Task The_list_opens_the_editor_which_draws_every_definition_of_the_definitions_folder_without_errors()
    {
        var first = host.TestDefinition;
        await using var session = await browser.NewPageAsync(host);
        var page = session.Page;

        await page.GotoAsync("admin/definitions");
        var row = StudioUi.Row(page, first.DefinitionId);
        await Expect(row).ToBeVisibleAsync(new() { Timeout = StudioUi.StartTimeout });
        await Expect(row).ToContainTextAsync(first.Name);
        await session.AssertLoadedWithoutErrorsAsync();
        await session.ScreenshotAsync("definition-list");

        // The row callback (bound after customElements.whenDefined) opens the editor page.
        await row.GetByText(first.Name).ClickAsync();
        await page.WaitForURLAsync($"**/admin/definitions/{first.DefinitionId}", new() { Timeout = StudioUi.StepTimeout });
        Assert.Equal(first.DefinitionId, await page.Locator("elsa-workflow-definition-editor").GetAttributeAsync("definition-id"));
        Assert.Equal("编辑流程定义", await page.Locator("h1.admin-title").InnerTextAsync());
        await Expect(StudioUi.DefinitionTab(page, first.Name)).ToBeVisibleAsync(new() { Timeout = StudioUi.StartTimeout });
        await AssertDrawnAsync(page, first);
        await session.AssertLoadedWithoutErrorsAsync();
        await ZoomToFitAndScreenshotAsync(session, "definition-editor");

        // Every other imported definition (the statutory procedures once definitions/ has them) by pointing
        // the same editor element at it: it loads the definition without restarting the Studio, which
        // costs a page load of 6-10 s on this machine.
        foreach (var definition in host.Definitions.Where(d => d != first))
        {
            await page.Locator("elsa-workflow-definition-editor").EvaluateAsync(
                "(editor, id) => editor.setAttribute('definition-id', id)", definition.DefinitionId);
            await AssertDrawnAsync(page, definition);
            await ZoomToFitAndScreenshotAsync(session, $"editor-{definition.DefinitionId}");
        }

        await session.AssertNoErrorsAsync();
        Assert.Empty(session.NonLoopbackRequests());
    }

    [Fact]
    public async Task A_delay_input_changed_in_the_property_panel_is_autosaved_and_publish_makes_it_version_2()
    {
        var definitionId = await CopyTestDefinitionAsync("browser-contract-filing-edited", "物业服务合同备案（编辑测试）");
        await using var session = await browser.NewPageAsync(host);
        var page = session.Page;
        await page.GotoAsync(StudioUi.DefinitionPage(definitionId));
        var delay = StudioUi.ActivityNode(page, "wait");
        await Expect(delay).ToBeVisibleAsync(new() { Timeout = StudioUi.StartTimeout });

        await StudioUi.Label(delay).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Input", Exact = true }).ClickAsync();
        var timeSpan = StudioUi.ActivityInput(page, "时长");
        await Expect(timeSpan).ToHaveValueAsync("15.00:00:00");
        var autosave = await page.RunAndWaitForResponseAsync(
            async () =>
            {
                await timeSpan.FillAsync("10.00:00:00");
                await timeSpan.PressAsync("Tab");
            },
            response => StudioUi.IsSave(response) && response.Request.PostData!.Contains("10.00:00:00", StringComparison.Ordinal),
            new() { Timeout = StudioUi.StepTimeout });
        Assert.Equal(200, autosave.Status);
        Assert.Contains("\"publish\":false", autosave.Request.PostData, StringComparison.Ordinal);
        await session.ScreenshotAsync("edit-autosaved");

        using var api = host.CreateApiClient();
        var draft = await api.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");
        Assert.Equal("10.00:00:00", (string?)Activity(draft!, "wait")["timeSpan"]?["expression"]?["value"]);
        Assert.Equal(2, (int)draft!["version"]!);
        Assert.False((bool)draft["isPublished"]!);

        var publish = await page.RunAndWaitForResponseAsync(
            async () => await (await StudioUi.ToolbarButtonAsync(page, "Publish workflow")).ClickAsync(),
            response => StudioUi.IsSave(response) && response.Request.PostData!.Contains("\"publish\":true", StringComparison.Ordinal),
            new() { Timeout = StudioUi.StepTimeout });
        Assert.Equal(200, publish.Status);
        await Expect(page.GetByText("Workflow published")).ToBeVisibleAsync(new() { Timeout = StudioUi.StepTimeout });
        await session.ScreenshotAsync("edit-published");

        var versions = await api.GetFromJsonAsync<JsonObject>(
            $"elsa/api/workflow-definitions?versionOptions=AllVersions&DefinitionIds={definitionId}&OrderBy=Version&OrderDirection=Ascending");
        var items = versions!["items"]!.AsArray().Select(v => ((int)v!["version"]!, (bool)v["isPublished"]!, (bool)v["isLatest"]!)).ToList();
        Assert.Equal([(1, false, false), (2, true, true)], items);
        var published = await api.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published");
        Assert.Equal("10.00:00:00", (string?)Activity(published!, "wait")["timeSpan"]?["expression"]?["value"]);

        await session.AssertNoErrorsAsync();
    }

    /// <summary>The editor shows <paramref name="definition"/>: one node per activity, with its label and its own type.</summary>
    private static async Task AssertDrawnAsync(IPage page, SeededDefinition definition)
    {
        await Expect(StudioUi.DefinitionTab(page, definition.Name)).ToBeVisibleAsync(new() { Timeout = StudioUi.StepTimeout });
        await Expect(StudioUi.ActivityNodes(page)).ToHaveCountAsync(definition.Activities.Count, new() { Timeout = StudioUi.StepTimeout });
        foreach (var activity in definition.Activities)
        {
            var node = StudioUi.ActivityNode(page, activity.Id);
            await Expect(node).ToHaveCountAsync(1);
            if (activity.Label is not null)
                await Expect(StudioUi.Label(node)).ToHaveTextAsync(activity.Label);
            // An activity type without a descriptor would be drawn as an Elsa.NotFoundActivity placeholder.
            var drawn = JsonNode.Parse((await node.GetAttributeAsync("activity-json"))!)!;
            Assert.Equal(activity.Type, (string?)drawn["type"]);
        }
    }

    private static async Task ZoomToFitAndScreenshotAsync(BrowserPage session, string name)
    {
        await (await StudioUi.ToolbarButtonAsync(session.Page, "Zoom to fit the screen")).ClickAsync();
        await session.ScreenshotAsync(name);
    }

    /// <summary>A published copy of the test definition under another id, so that editing it leaves the other tests' definition alone.</summary>
    private async Task<string> CopyTestDefinitionAsync(string definitionId, string name)
    {
        var model = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Definitions", host.TestDefinition.File)))!.AsObject();
        model.Remove("id");
        model["definitionId"] = definitionId;
        model["name"] = name;
        using var api = host.CreateApiClient();
        using var response = await api.PostAsJsonAsync("elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = true });
        response.EnsureSuccessStatusCode();
        return definitionId;
    }

    private static JsonObject Activity(JsonObject definition, string id) =>
        definition["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == id)!.AsObject();
}

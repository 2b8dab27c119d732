using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workflows.Browser.Tests.Fixtures;

/// <summary>
/// Where things are in the Elsa Studio 3.8.2 elements (MudBlazor tables and tabs, the X6 flowchart canvas),
/// found by inspecting the rendered DOM. Roles and text where the Studio has them; its icon buttons have
/// neither, so they are found by their tooltips.
/// </summary>
public static class StudioUi
{
    /// <summary>Downloading ~35 MB and starting .NET in the page on a loaded 2-core machine.</summary>
    public const float StartTimeout = 90_000;

    /// <summary>Any later wait: an API call, a re-render.</summary>
    public const float StepTimeout = 30_000;

    public static string DefinitionPage(string definitionId) => $"admin/definitions/{Uri.EscapeDataString(definitionId)}";

    public static string InstancePage(string instanceId) => $"admin/instances/{Uri.EscapeDataString(instanceId)}";

    /// <summary>A row of the definition list or the instance list, by the exact text of its ID column.</summary>
    public static ILocator Row(IPage page, string id) =>
        page.Locator("tbody tr").Filter(new()
        {
            Has = page.Locator("td[data-label='ID']").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(id)}\\s*$") }),
        });

    /// <summary>Every activity node drawn on the editor's or viewer's canvas.</summary>
    public static ILocator ActivityNodes(IPage page) => page.Locator("g.x6-node elsa-activity-wrapper");

    /// <summary>The canvas node of one activity (by activity id).</summary>
    public static ILocator ActivityNode(IPage page, string activityId) =>
        page.Locator($"g.x6-node elsa-activity-wrapper[activity-id='{activityId}']");

    /// <summary>The bold label of a node: the activity's display text or name.</summary>
    public static ILocator Label(ILocator node) => node.Locator(".activity-label");

    /// <summary>The editor's tab for the open definition (its name).</summary>
    public static ILocator DefinitionTab(IPage page, string name) =>
        page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    /// <summary>A text input of the selected activity's Input tab, by its label (the input descriptor's display name).</summary>
    public static ILocator ActivityInput(IPage page, string label) =>
        // MudBlazor's label points at another id than the input's, so GetByLabel does not find it.
        page.Locator(".mud-input-control")
            .Filter(new() { Has = page.Locator("label", new() { HasTextString = label }) })
            .Locator("input");

    /// <summary>Journal entries of the instance viewer that mention <paramref name="activityName"/> and <paramref name="eventName"/>.</summary>
    public static ILocator JournalEntry(IPage page, string activityName, string eventName) =>
        page.Locator(".mud-timeline-item")
            .Filter(new() { Has = page.GetByText(activityName, new() { Exact = true }) })
            .Filter(new() { Has = page.Locator("p").Filter(new() { HasTextRegex = new Regex($" - {Regex.Escape(eventName)}$") }) });

    /// <summary>
    /// The toolbar icon button whose tooltip is <paramref name="tooltip"/> ("Publish workflow", "Run Workflow",
    /// "Save", "Zoom to fit the screen"). MudBlazor renders a tooltip's text only while it is open, in a
    /// popover <c>popovercontent-{id}</c> paired with the <c>popover-{id}</c> inside the tooltip's root:
    /// hover each button until its own popover shows that text.
    /// </summary>
    public static async Task<ILocator> ToolbarButtonAsync(IPage page, string tooltip)
    {
        var roots = page.GetByRole(AriaRole.Toolbar).Locator(".mud-tooltip-root").Filter(new() { Has = page.Locator("button") });
        var seen = new List<string>();
        var count = await roots.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var root = roots.Nth(i);
            var button = root.Locator("button").First;
            var popoverId = await root.Locator(":scope > .mud-popover-cascading-value").GetAttributeAsync("id");
            if (popoverId is null || !popoverId.StartsWith("popover-", StringComparison.Ordinal) || !await button.IsVisibleAsync())
                continue;
            await button.HoverAsync(new() { Timeout = StepTimeout });
            var content = page.Locator($"#popovercontent-{popoverId["popover-".Length..]}.mud-popover-open");
            try
            {
                await content.WaitForAsync(new() { Timeout = 2_000 });
            }
            catch (TimeoutException)
            {
                continue;
            }
            var text = (await content.InnerTextAsync()).Trim();
            if (text == tooltip)
                return button;
            seen.Add(text);
        }
        throw new InvalidOperationException($"No toolbar button with the tooltip '{tooltip}'; seen: {string.Join(", ", seen)}.");
    }

    /// <summary>True for Studio's save/publish call, <c>POST /elsa/api/workflow-definitions</c>.</summary>
    public static bool IsSave(IResponse response) =>
        response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/elsa/api/workflow-definitions";
}

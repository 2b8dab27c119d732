using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Fixtures;

namespace Workflows.Browser.Tests.Tasks;

/// <summary>
/// Officers carry a complaint (P5, complaint-escalation) in Chromium, each signed in with their own demo account:
/// the community registers and escalates, the street office escalates, the district leading group decides; each sees
/// only what is theirs, and every step is in the task history (the audit trail).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ComplaintFlowTests(BrowserFixture browser, HostFixture host)
{
    [Fact]
    public async Task Community_street_and_district_officers_carry_a_complaint_from_intake_to_a_decision()
    {
        var caseId = await StartComplaintAsync();

        // The community officer: the intake in the unit's list with its light, then completed with the form.
        await using (var community = await browser.NewPageAsync(host, "community.hudong-1"))
        {
            var page = community.Page;
            await page.GotoAsync("tasks?tab=unit");
            var row = Row(page, caseId, "登记受理物业投诉");
            var light = await row.Locator(".light").GetAttributeAsync("data-light");
            Assert.Contains(light, new[] { "red", "yellow", "green" });
            Assert.Matches("^(剩余[0-9]+天|今日到期|已超期[0-9]+天)$", await row.Locator(".light").InnerTextAsync());
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await page.Locator("form.complete button[type=submit]").ClickAsync();
            Assert.Contains("请填写“投诉类别”", await page.Locator(".error").InnerTextAsync(), StringComparison.Ordinal);
            await page.Locator("#f-category").SelectOptionAsync("物业服务质量");
            await page.Locator("form.complete button[type=submit]").ClickAsync();
            await page.GetByText("已办结，案件已转入下一步").WaitForAsync();

            await CompleteFromInboxAsync(page, caseId, "社区调解物业纠纷", "上报街道");
            // No AssertNoErrorsAsync here: the refused empty form above is a 400 page, which Chromium logs as a console error.
            await community.ScreenshotAsync("complaint-community-escalated");
        }

        // Another community does not see the street's task nor the case's tasks.
        var streetTask = await OpenTaskIdAsync(caseId, "街道调处物业纠纷");
        await using (var neighbour = await browser.NewPageAsync(host, "community.hudong-2"))
        {
            var response = await neighbour.Page.GotoAsync($"tasks/{streetTask}");
            Assert.Equal(404, response!.Status);
        }

        // The street office sees the escalated task in its unit list and sends it to the district.
        await using (var street = await browser.NewPageAsync(host, "street.hudong"))
        {
            await CompleteFromInboxAsync(street.Page, caseId, "街道调处物业纠纷", "上报区级");
            await street.AssertNoErrorsAsync();
        }

        // The district leading group decides.
        await using (var district = await browser.NewPageAsync(host, "leading.shihe"))
        {
            await CompleteFromInboxAsync(district.Page, caseId, "区领导小组研究处理物业纠纷", "已作出处理决定");
            await district.ScreenshotAsync("complaint-district-decided");
        }

        using var api = host.CreateApiClient();
        var view = (await api.GetFromJsonAsync<JsonObject>($"api/cases/{caseId}"))!;
        Assert.Empty(view["openTasks"]!.AsArray());
        var completedBy = new List<string>();
        foreach (var task in view["doneTasks"]!.AsArray())
        {
            var detail = (await api.GetFromJsonAsync<JsonObject>($"api/tasks/{task!["id"]}"))!;
            completedBy.AddRange(detail["history"]!.AsArray().Where(h => (string)h!["action"]! == "task.complete").Select(h => (string)h!["actor"]!));
        }
        Assert.Equal(["community.hudong-1", "community.hudong-1", "leading.shihe", "street.hudong"], completedBy.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_extension_request_reaches_the_supervising_street_office_which_approves_it()
    {
        var caseId = await StartComplaintAsync();
        string taskId;
        string proposed;
        await using (var community = await browser.NewPageAsync(host, "community.hudong-1"))
        {
            var page = community.Page;
            await page.GotoAsync("tasks?tab=unit");
            var row = Row(page, caseId, "登记受理物业投诉");
            taskId = (await row.GetAttributeAsync("data-task-id"))!;
            var due = DateOnly.Parse(await row.Locator("td.nowrap").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            proposed = due.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await page.Locator("#reason").FillAsync("投诉人外出，需待其返回后现场核实");
            await page.Locator("#proposedDueDate").FillAsync(proposed);
            await page.GetByRole(AriaRole.Button, new() { Name = "提交延期申请" }).ClickAsync();
            await page.GetByText("延期申请已提交上级单位审批").WaitForAsync();
        }

        await using var street = await browser.NewPageAsync(host, "street.hudong");
        var streetPage = street.Page;
        await streetPage.GotoAsync("tasks?tab=approvals");
        var request = streetPage.Locator("tr[data-extension-id]").Filter(new() { HasText = "投诉人外出" });
        Assert.Contains("待审批", await request.InnerTextAsync(), StringComparison.Ordinal);
        await request.GetByRole(AriaRole.Link).ClickAsync();
        Assert.Contains("仅供查看", await streetPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await streetPage.GetByRole(AriaRole.Button, new() { Name = "批准延期" }).ClickAsync();
        await streetPage.GetByText("已批准延期，到期日已顺延").WaitForAsync();
        Assert.Contains(proposed, await streetPage.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        await street.ScreenshotAsync("extension-approved");
        Assert.NotNull(taskId);
    }

    private static ILocator Row(IPage page, string caseId, string title) =>
        page.Locator($"tr[data-case-id=\"{caseId}\"]").Filter(new() { HasText = title });

    /// <summary>From the unit's list: open the case's task, choose the outcome, complete.</summary>
    private static async Task CompleteFromInboxAsync(IPage page, string caseId, string title, string outcome)
    {
        await page.GotoAsync("tasks?tab=unit");
        await Row(page, caseId, title).GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator("#outcome").SelectOptionAsync(outcome);
        await page.Locator("form.complete button[type=submit]").ClickAsync();
        await page.GetByText("已办结，案件已转入下一步").WaitForAsync();
    }

    private async Task<string> StartComplaintAsync()
    {
        using var api = host.CreateApiClient();
        using var response = await api.PostAsJsonAsync("api/cases", new JsonObject
        {
            ["procedure"] = "complaint-escalation",
            ["compoundId"] = "hudong-mingyuan",
            ["input"] = new JsonObject { ["complaint"] = "电梯长期停运", ["channel"] = "12345", ["complainant"] = new JsonObject { ["name"] = "李女士", ["mobile"] = "13700002222" } },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["caseId"]!;
    }

    private async Task<string> OpenTaskIdAsync(string caseId, string title)
    {
        using var api = host.CreateApiClient();
        var view = (await api.GetFromJsonAsync<JsonObject>($"api/cases/{caseId}"))!;
        return (string)view["openTasks"]!.AsArray().Single(t => (string)t!["title"]! == title)!["id"]!;
    }
}

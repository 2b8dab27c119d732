using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Fixtures;

namespace Workflows.Browser.Tests.Workspace;

/// <summary>The case page and the supervision dashboard in Chromium, signed in as officers of the demo district.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseAndDashboardPageTests(BrowserFixture browser, HostFixture host)
{
    [Fact]
    public async Task A_street_officer_opens_the_dashboard_and_its_charts_are_drawn_by_the_served_chart_library()
    {
        await using var session = await browser.NewPageAsync(host, "street.minquan");
        var page = session.Page;
        var failed = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}"); };
        page.RequestFailed += (_, request) => failed.Add($"failed {request.Url}");

        var response = await page.GotoAsync("dashboard");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(200, response!.Status);
        Assert.Equal("督办看板", await page.Locator("h1.admin-title").InnerTextAsync());
        foreach (var id in new[] { "coverage-chart", "overdue-chart" })
        {
            // Chart.js registered a chart on the canvas and painted pixels into it.
            var painted = await page.EvaluateAsync<int>($$"""
                () => {
                  const canvas = document.getElementById('{{id}}');
                  if (!window.Chart || !Chart.getChart(canvas)) return -1;
                  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  let n = 0;
                  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
                  return n;
                }
                """);
            Assert.True(painted > 1000, $"{id}: {painted} painted pixels");
        }
        Assert.Contains("民权街道办事处", await page.Locator("#coverage").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#coverage tr[data-street-id=hudong]").CountAsync()); // another street office
        Assert.Contains(session.Requests, url => url.EndsWith("/workspace-assets/chart.umd.min.js", StringComparison.Ordinal));
        Assert.Empty(failed);
        Assert.Empty(session.ConsoleErrors);
        Assert.Empty(session.NonLoopbackRequests());
    }

    [Fact]
    public async Task A_community_officer_follows_a_case_timeline_and_filing_and_the_housing_bureau_records_the_filing_on_the_page()
    {
        using var api = host.CreateApiClient();
        var now = (await api.GetFromJsonAsync<JsonObject>("api/dev/clock"))!["now"]!.GetValue<DateTimeOffset>();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var started = await api.PostAsJsonAsync("api/cases", new JsonObject
        {
            ["procedure"] = "contract-filing", ["compoundId"] = "minquan-garden",
            ["input"] = new JsonObject { ["signedOn"] = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        });
        started.EnsureSuccessStatusCode();
        var caseId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!;

        await using (var community = await browser.NewPageAsync(host, "community.minquan-1"))
        {
            var page = community.Page;
            await page.GotoAsync("cases");
            await page.Locator($"tr[data-case-id='{caseId}'] a").ClickAsync();
            await page.WaitForURLAsync($"**/cases/{caseId}");

            Assert.Equal("物业服务合同备案", await page.Locator("#case-procedure").InnerTextAsync());
            Assert.Contains("启动办理程序", await page.Locator("#timeline tr[data-kind=workflow-started]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("备案期限起算", await page.Locator("#timeline tr[data-kind=filing-opened]").InnerTextAsync(), StringComparison.Ordinal);
            var filing = page.Locator("#filings tr[data-filing-id]");
            Assert.Contains("待备案", await filing.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("form.record-filing").CountAsync()); // the community is not the filing authority
            Assert.True(community.ConsoleErrors.Count == 0, string.Join("\n", community.ConsoleErrors) + string.Join("\n", community.Requests));
        }

        await using var bureau = await browser.NewPageAsync(host, "bureau.shihe");
        var bureauPage = bureau.Page;
        await bureauPage.GotoAsync($"cases/{caseId}");
        var form = bureauPage.Locator("form.record-filing");
        await form.Locator("input[name=receiptNumber]").FillAsync("浉住建备〔2026〕88号");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记备案" }).ClickAsync();
        await bureauPage.WaitForURLAsync("**recorded=*");

        Assert.Equal("已登记备案。", await bureauPage.Locator("p.message").InnerTextAsync());
        Assert.Equal("按期备案", await bureauPage.Locator("#filings tr[data-filing-id] td.filing-status").InnerTextAsync());
        Assert.Contains("浉住建备〔2026〕88号", await bureauPage.Locator("#timeline tr[data-kind=filing-recorded]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("已办结", await bureauPage.Locator("#case-status").InnerTextAsync());
        Assert.Empty(bureau.ConsoleErrors);
        Assert.Empty(bureau.NonLoopbackRequests());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflows.Host.Tests.Procedures;
using Workflows.Host.Tests.Workspace;

namespace Workflows.Host.Tests.Cases;

/// <summary>
/// The case page: header, timeline from the journal and the case's tasks and filings, traffic lights, votes, the
/// filing record form for the authority only (audited with before and after), the Studio link for admins only.
/// </summary>
public sealed partial class CasePageTests
{
    private static readonly JsonObject SignedOn0917 = new() { ["signedOn"] = "2026-09-17" };

    [Fact]
    public async Task A_community_officer_sees_header_timeline_and_filing_of_a_contract_filing_case_without_record_form_or_Studio_link()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("contract-filing", "minquan-garden", SignedOn0917.DeepClone().AsObject());
        using var community = await Session.SignInAsync(app.App, "community.minquan-1");

        var html = await community.Client.GetStringAsync($"/cases/{caseId}");

        Assert.Contains("<td id=\"case-procedure\">物业服务合同备案</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td id=\"case-status\">办理中</td>", html, StringComparison.Ordinal);
        Assert.Contains("民权花园", html, StringComparison.Ordinal);
        Assert.Contains("民权街道办事处", html, StringComparison.Ordinal);
        Assert.Contains("民权街道第一社区", html, StringComparison.Ordinal);
        Assert.Contains("2026-09-25 09:00", html, StringComparison.Ordinal); // started, in China time
        Assert.Equal(["workflow-started", "filing-opened"], TimelineKinds(html).Where(k => k is "workflow-started" or "filing-opened"));
        Assert.Matches("备案期限起算：[^<]*应于 2026-10-08 前向浉河区住房和城乡建设局办理", html);
        var filing = Row(html, "data-filing-id");
        Assert.Contains("2026-10-08", filing, StringComparison.Ordinal);
        Assert.Contains("待备案", filing, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Pending\"", filing, StringComparison.Ordinal);
        Assert.DoesNotContain("record-filing", html, StringComparison.Ordinal); // the housing bureau records it, not the community
        Assert.DoesNotContain("studio-link", html, StringComparison.Ordinal);
        Assert.Contains("2026-10-08</td><td class=\"nowrap\">13 天", html, StringComparison.Ordinal); // upcoming deadline, 13 days left

        using var admin = await Session.SignInAsync(app.App, "admin");
        var view = await app.CaseAsync(caseId);
        Assert.Contains($"href=\"/admin/instances/{view["workflowInstanceId"]}\"", await admin.Client.GetStringAsync($"/cases/{caseId}"), StringComparison.Ordinal);
        var english = await community.Client.GetStringAsync($"/cases/{caseId}?lang=en");
        Assert.Contains("<h2>Timeline</h2>", english, StringComparison.Ordinal);
        Assert.Contains("Filing period started：", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_housing_bureau_records_a_filing_on_the_case_page_the_case_closes_and_both_are_audited_with_before_and_after()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("contract-filing", "minquan-garden", SignedOn0917.DeepClone().AsObject());
        var filingId = (string)(await app.FilingAsync(caseId, "ServiceContract"))["id"]!;
        using var bureau = await Session.SignInAsync(app.App, "bureau.shihe");
        var action = $"/cases/{caseId}/filings/{filingId}/record";
        Assert.Contains($"action=\"/cases/{caseId}/filings/{filingId}/record\"", await bureau.Client.GetStringAsync($"/cases/{caseId}"), StringComparison.Ordinal);

        using var future = await bureau.PostFormAsync($"/cases/{caseId}", action, new() { ["filedOn"] = "2026-09-30", ["receiptNumber"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("备案日期 2026-09-30 晚于今天（2026-09-25）", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Pending", (string)(await app.FilingAsync(caseId, "ServiceContract"))["status"]!);

        using var recorded = await bureau.PostFormAsync($"/cases/{caseId}", action, new() { ["filedOn"] = "2026-09-24", ["receiptNumber"] = "浉住建备〔2026〕15号" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal($"/cases/{caseId}?recorded={filingId}", recorded.Headers.Location!.ToString());

        var html = await bureau.Client.GetStringAsync(recorded.Headers.Location);
        Assert.Contains("已登记备案。", html, StringComparison.Ordinal);
        Assert.Contains("按期备案", Row(html, "data-filing-id"), StringComparison.Ordinal);
        Assert.Contains("浉住建备〔2026〕15号", Row(html, "data-filing-id"), StringComparison.Ordinal);
        Assert.Contains("<td id=\"case-status\">已办结</td>", html, StringComparison.Ordinal);
        Assert.Contains("filing-recorded", TimelineKinds(html));
        Assert.Contains("workflow-finished", TimelineKinds(html));
        Assert.DoesNotContain("record-filing", html, StringComparison.Ordinal);

        using var admin = await Session.SignInAsync(app.App, "admin");
        var filingAudit = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/audit?resourceType=filing&resourceId={filingId}"))!["items"]!.AsArray();
        var entry = Assert.Single(filingAudit)!;
        Assert.Equal("filing.record", (string)entry["action"]!);
        Assert.Equal("bureau.shihe", (string)entry["actorName"]!);
        Assert.Equal("user", (string)entry["actorKind"]!);
        Assert.Contains("\"status\":\"Pending\"", (string)entry["before"]!, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"OnTime\"", (string)entry["after"]!, StringComparison.Ordinal);
        Assert.Contains("\"receiptNumber\":\"浉住建备〔2026〕15号\"", (string)entry["after"]!, StringComparison.Ordinal);
        var caseAudit = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/audit?resourceType=case&resourceId={caseId}"))!["items"]!.AsArray()
            .Select(e => ((string)e!["action"]!, (string)e["actorName"]!)).ToList();
        Assert.Contains(("case.start", DevelopmentApiKeyName), caseAudit);
        Assert.Contains(("case.finish", "bureau.shihe"), caseAudit);
    }

    [Fact]
    public async Task Task_lights_go_green_to_yellow_within_three_days_and_the_escalation_appears_in_the_timeline()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("complaint-escalation", "hudong-mingyuan", new JsonObject { ["complaint"] = "楼道堆放杂物" });
        using var street = await Session.SignInAsync(app.App, "street.hudong");
        var intake = await app.OpenTaskAsync(caseId, "登记受理物业投诉");
        Assert.Equal("yellow", LightOf(await street.Client.GetStringAsync($"/cases/{caseId}"), (string)intake["id"]!)); // due 09-28, 3 days
        await app.CompleteAsync(caseId, "登记受理物业投诉", form: new JsonObject { ["category"] = "其他" });
        var mediation = await app.OpenTaskAsync(caseId, "社区调解物业纠纷");
        var html = await street.Client.GetStringAsync($"/cases/{caseId}");
        Assert.Equal("green", LightOf(html, (string)mediation["id"]!)); // due 10-08, 13 days
        Assert.Contains($"href=\"/tasks/{mediation["id"]}\"", html, StringComparison.Ordinal);
        Assert.Contains(intake["id"]!.ToString(), Row(html[html.IndexOf("id=\"done-tasks\"", StringComparison.Ordinal)..], "data-task-id"), StringComparison.Ordinal);

        await app.AdvanceAsync(days: 11); // 10-06: two days left
        Assert.Equal("yellow", LightOf(await street.Client.GetStringAsync($"/cases/{caseId}"), (string)mediation["id"]!));

        await app.AdvanceAsync(days: 2, hours: 16); // 10-09 01:00: overdue, escalated to the street office
        html = await street.Client.GetStringAsync($"/cases/{caseId}");
        Assert.Equal("none", LightOf(html, (string)mediation["id"]!)); // closed, no longer open
        var kinds = TimelineKinds(html);
        Assert.Equal(["workflow-started", "task-opened", "task-completed", "task-opened", "task-overdue", "escalated", "task-opened"],
            kinds.Where(k => k is "workflow-started" or "task-opened" or "task-completed" or "task-overdue" or "escalated"));
        Assert.Contains("派发任务：湖东街道办事处：街道调处物业纠纷", html, StringComparison.Ordinal);
        Assert.Contains("逐级上报：社区居委会 → 街道办事处", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owners_vote_shows_participation_and_approval_by_area_and_headcount_with_the_result()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("committee-reelection", "hudong-mingyuan");
        await app.CompleteAsync(caseId, "启动业主委员会换届指导");
        await app.CompleteAsync(caseId, "录入业主表决结果：业主委员会换届选举", form: new JsonObject
        {
            ["participatingArea"] = 48600, ["participatingOwners"] = 450, ["approvingArea"] = 30000, ["approvingOwners"] = 300, ["decidedOn"] = "2026-09-25",
        });
        using var community = await Session.SignInAsync(app.App, "community.hudong-1");

        var vote = Row(await community.Client.GetStringAsync($"/cases/{caseId}"), "data-vote-id");

        Assert.Contains("48600 ㎡ / 64800 ㎡（75.0%） · 450 人 / 596 人（75.5%）", vote, StringComparison.Ordinal);
        Assert.Contains("30000 ㎡ / 48600 ㎡（61.7%） · 300 人 / 450 人（66.7%）", vote, StringComparison.Ordinal);
        Assert.Contains("三分之二", vote, StringComparison.Ordinal);
        Assert.Contains("<td class=\"vote-result\">通过", vote, StringComparison.Ordinal);
    }

    /// <summary>The name of the API key <see cref="ProcedureApp"/> starts cases with (appsettings.Development.json).</summary>
    private const string DevelopmentApiKeyName = "development";

    private static List<string> TimelineKinds(string html) => [.. KindPattern().Matches(html).Select(m => m.Groups[1].Value)];

    private static string LightOf(string html, string taskId) =>
        Regex.Match(html, $"data-task-id=\"{Regex.Escape(taskId)}\" data-light=\"(\\w+)\"") is { Success: true } m ? m.Groups[1].Value : "none";

    /// <summary>The first table row carrying <paramref name="attribute"/>.</summary>
    private static string Row(string html, string attribute)
    {
        var start = html.IndexOf($"<tr {attribute}=", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row with {attribute}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<tr data-kind=\"([a-z-]+)\">")]
    private static partial Regex KindPattern();
}

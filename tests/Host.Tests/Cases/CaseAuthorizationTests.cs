using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflows.Host.Tests.Workspace;

namespace Workflows.Host.Tests.Cases;

/// <summary>
/// Every role against the case pages, the filing record form and the dashboard, own unit vs another unit: another
/// unit's case or filing answers 404 exactly like a missing one, the refusal is logged, and nothing leaks by id.
/// </summary>
public sealed class CaseAuthorizationTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    /// <summary>Who sees a case of 湖东名苑 (community hudong-1, street hudong, district shihe).</summary>
    public static TheoryData<string, bool> Reach => new()
    {
        { "community.hudong-1", true },
        { "community.minquan-1", false },
        { "community.shangwu", false },
        { "street.hudong", true },
        { "street.minquan", false },
        { "street.jingbalu", false },
        { "bureau.shihe", true },
        { "bureau.jinshui", false },
        { "leading.shihe", true },
        { "leading.jinshui", false },
        { "admin", true },
    };

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task A_case_page_and_its_API_are_shown_within_reach_and_are_404_like_a_missing_case_elsewhere(string user, bool sees)
    {
        var (caseId, _) = await fixture.StartComplaintAsync();
        var session = await fixture.AsAsync(user);

        using var page = await session.Client.GetAsync($"/cases/{caseId}");
        using var api = await session.Client.GetAsync($"/api/cases/{caseId}");
        using var missing = await session.Client.GetAsync("/cases/no-such-case");
        var list = await session.Client.GetStringAsync("/cases");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        if (sees)
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, api.StatusCode));
            Assert.Contains("湖东名苑", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains($"data-case-id=\"{caseId}\"", list, StringComparison.Ordinal);
            return;
        }
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.StatusCode, api.StatusCode));
        var body = await page.Content.ReadAsStringAsync();
        Assert.Equal(Scrub(await missing.Content.ReadAsStringAsync()), Scrub(body.Replace(caseId, "no-such-case", StringComparison.Ordinal))); // the language link repeats the URL
        Assert.DoesNotContain("湖东", body, StringComparison.Ordinal);
        Assert.DoesNotContain(caseId, list, StringComparison.Ordinal);
        Assert.Contains(fixture.GuardLog.Entries, e => e.Level == LogLevel.Warning
            && (string?)e.Properties["UserName"] == user && (string?)e.Properties["ResourceId"] == caseId && (string?)e.Properties["ResourceType"] == "case");
    }

    [Fact]
    public async Task Only_the_filing_authority_records_a_filing_on_the_case_page_everyone_else_gets_404_and_nothing_changes()
    {
        var start = await fixture.Api.PostAsJsonAsync("/api/cases", new JsonObject
        {
            ["procedure"] = "contract-filing", ["compoundId"] = "hudong-mingyuan", ["input"] = new JsonObject { ["signedOn"] = "2026-09-20" },
        });
        var caseId = (string)(await start.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!;
        var filingId = (string)(await fixture.Api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!["filings"]![0]!["id"]!;
        var form = new Dictionary<string, string> { ["filedOn"] = "2026-09-24", ["receiptNumber"] = "R-1" };

        foreach (var user in new[] { "community.hudong-1", "street.hudong", "leading.shihe", "admin", "community.minquan-1", "street.minquan", "bureau.jinshui" })
        {
            var session = await fixture.AsAsync(user);
            var visible = user is "community.hudong-1" or "street.hudong" or "leading.shihe" or "admin";
            var pagePath = visible ? $"/cases/{caseId}" : "/cases";
            Assert.DoesNotContain("record-filing", await session.Client.GetStringAsync(pagePath), StringComparison.Ordinal);
            using var posted = await session.PostFormAsync(pagePath, $"/cases/{caseId}/filings/{filingId}/record", new(form));
            Assert.True(posted.StatusCode == HttpStatusCode.NotFound, $"{user}: {(int)posted.StatusCode}");
            using var api = await session.SendAsync(HttpMethod.Post, $"/api/filings/{filingId}/record", """{"filedOn":"2026-09-24"}""");
            Assert.True(api.StatusCode == HttpStatusCode.NotFound, $"{user} API: {(int)api.StatusCode}");
        }
        Assert.Equal("Pending", (string)(await fixture.Api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!["filings"]![0]!["status"]!);
        Assert.Contains(fixture.GuardLog.Entries, e => (string?)e.Properties["UserName"] == "street.hudong" && (string?)e.Properties["ResourceId"] == filingId);

        var bureau = await fixture.AsAsync("bureau.shihe");
        using var recorded = await bureau.PostFormAsync($"/cases/{caseId}", $"/cases/{caseId}/filings/{filingId}/record", new(form));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal("OnTime", (string)(await fixture.Api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!["filings"]![0]!["status"]!);
    }

    [Theory]
    [InlineData("community.hudong-1", false)]
    [InlineData("street.hudong", true)]
    [InlineData("bureau.shihe", true)]
    [InlineData("leading.shihe", true)]
    [InlineData("admin", true)]
    public async Task The_dashboard_is_for_street_offices_the_district_and_admins_and_a_community_officer_gets_403(string user, bool allowed)
    {
        var session = await fixture.AsAsync(user);

        using var api = await session.Client.GetAsync("/api/dashboard");
        using var page = await session.Client.GetAsync("/dashboard");
        var home = await session.Client.GetStringAsync("/cases");

        if (allowed)
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (api.StatusCode, page.StatusCode));
            Assert.Contains("href=\"/dashboard\"", home, StringComparison.Ordinal);
            return;
        }
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/denied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/dashboard\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_a_procedure_on_the_page_is_for_officers_within_reach_and_is_audited()
    {
        var community = await fixture.AsAsync("community.hudong-1");
        using var other = await community.PostFormAsync("/cases/new?procedure=contract-filing", "/cases/new",
            new() { ["procedure"] = "contract-filing", ["compoundId"] = "minquan-garden", ["signedOn"] = "2026-09-20" });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("小区“minquan-garden”不存在。", System.Net.WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var started = await community.PostFormAsync("/cases/new?procedure=contract-filing", "/cases/new",
            new() { ["procedure"] = "contract-filing", ["compoundId"] = "hudong-mingyuan", ["signedOn"] = "2026-09-20" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var caseId = started.Headers.Location!.ToString()["/cases/".Length..];
        Assert.Contains("物业服务合同备案", await community.Client.GetStringAsync($"/cases/{caseId}"), StringComparison.Ordinal);

        var admin = await fixture.AsAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.GetAsync("/cases/new")).StatusCode);
        var audit = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/audit?resourceType=case&resourceId={caseId}"))!["items"]!.AsArray();
        var entry = Assert.Single(audit)!;
        Assert.Equal(("case.start", "community.hudong-1"), ((string)entry["action"]!, (string)entry["actorName"]!));
        Assert.Contains("\"compoundId\":\"hudong-mingyuan\"", (string)entry["after"]!, StringComparison.Ordinal);
    }

    /// <summary>A page differs per request only in its antiforgery token.</summary>
    private static string Scrub(string html) => System.Text.RegularExpressions.Regex.Replace(html, "value=\"[^\"]{40,}\"", "value=\"\"");
}

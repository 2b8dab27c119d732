using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Workspace;

/// <summary>
/// Who sees and does what: admin pages and APIs for admins only; cases by reach (community → its compounds, street
/// office → its communities', district → all); tasks acted on by their own unit only; another unit's ids are 404 and
/// the refusal is logged.
/// </summary>
public sealed class AuthorizationTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    public static TheoryData<string, HttpStatusCode> AdminOnly => new()
    {
        { "admin", HttpStatusCode.OK },
        { "bureau.shihe", HttpStatusCode.Forbidden },
        { "leading.shihe", HttpStatusCode.Forbidden },
        { "street.hudong", HttpStatusCode.Forbidden },
        { "community.hudong-1", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task Audit_API_and_Elsa_API_are_for_admins(string user, HttpStatusCode expected)
    {
        var session = await fixture.AsAsync(user);

        Assert.Equal(expected, (await session.Client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(expected, (await session.Client.GetAsync("/elsa/api/workflow-definitions")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task Admin_pages_are_for_admins_and_others_are_sent_to_the_denied_page(string user, HttpStatusCode expected)
    {
        var session = await fixture.AsAsync(user);

        foreach (var path in new[] { "/admin/definitions", "/admin/instances", "/admin/users", "/admin/audit" })
        {
            using var response = await session.Client.GetAsync(path);
            if (expected == HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                continue;
            }
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            using var denied = await session.Client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Equal("无权访问", (await Dom.ParseAsync(denied)).Text("h1"));
        }
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_APIs()
    {
        using var anonymous = Session.Anonymous(fixture.App);

        foreach (var path in new[] { "/api/audit", "/api/me", "/api/compounds", "/elsa/api/workflow-definitions" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("community.hudong-1", "hudong-1", false)]
    [InlineData("street.hudong", "hudong", false)]
    [InlineData("bureau.shihe", "shihe", false)]
    [InlineData("leading.shihe", "shihe", false)]
    [InlineData("admin", null, true)]
    public async Task Me_tells_the_unit_and_the_reach(string user, string? root, bool all)
    {
        var session = await fixture.AsAsync(user);

        var me = (await session.Client.GetFromJsonAsync<JsonObject>("/api/me"))!;

        Assert.Equal(user, (string)me["name"]!);
        Assert.Equal(all, (bool)me["seesAll"]!);
        Assert.Equal(root, (string?)me["visibleRootUnitId"]);
        Assert.False((bool)me["actsForAll"]!);
    }

    [Theory]
    [InlineData("community.hudong-1", HttpStatusCode.OK)]
    [InlineData("street.hudong", HttpStatusCode.OK)]
    [InlineData("bureau.shihe", HttpStatusCode.OK)]
    [InlineData("leading.shihe", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("community.hudong-2", HttpStatusCode.NotFound)]
    [InlineData("street.minquan", HttpStatusCode.NotFound)]
    [InlineData("bureau.jinshui", HttpStatusCode.NotFound)]
    [InlineData("community.shangwu", HttpStatusCode.NotFound)]
    public async Task A_case_is_seen_within_reach_and_is_404_elsewhere(string user, HttpStatusCode expected)
    {
        var (caseId, _) = await fixture.StartComplaintAsync();
        var session = await fixture.AsAsync(user);

        using var response = await session.Client.GetAsync($"/api/cases/{caseId}");
        using var missing = await session.Client.GetAsync("/api/cases/no-such-case");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound)
        {
            // Indistinguishable from an id that does not exist, apart from the id itself.
            Assert.Equal(WithoutTraceId(await missing.Content.ReadAsStringAsync()).Replace("no-such-case", caseId, StringComparison.Ordinal),
                WithoutTraceId(await response.Content.ReadAsStringAsync()));
            Assert.Contains(fixture.GuardLog.Entries, e => e.Level == LogLevel.Warning
                && (string?)e.Properties["UserName"] == user && (string?)e.Properties["ResourceId"] == caseId
                && (string?)e.Properties["ResourceType"] == "case");
        }
    }

    [Theory]
    [InlineData("community.hudong-1", new[] { "hudong-mingyuan" })]
    [InlineData("street.hudong", new[] { "hudong-mingyuan", "hudong-xinju" })]
    [InlineData("bureau.jinshui", new[] { "jingbalu-2hao", "jingbalu-nanyuan", "jingsan-louyuan", "weiyi-louyuan" })]
    public async Task The_compound_list_shows_the_compounds_within_reach(string user, string[] compounds)
    {
        var session = await fixture.AsAsync(user);

        var list = (await session.Client.GetFromJsonAsync<JsonArray>("/api/compounds"))!;

        Assert.Equal(compounds.Order(StringComparer.Ordinal), list.Select(c => (string)c!["id"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_the_unit_a_task_is_addressed_to_acts_on_it()
    {
        var (caseId, taskId) = await fixture.StartComplaintAsync();
        const string form = """{"form":{"category":"电梯"}}""";

        foreach (var user in new[] { "street.hudong", "community.hudong-2", "bureau.shihe", "admin" })
        {
            var other = await fixture.AsAsync(user);
            using var refused = await other.SendAsync(HttpMethod.Post, $"/api/tasks/{taskId}/complete", form);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{user}: {(int)refused.StatusCode}");
            Assert.Contains(fixture.GuardLog.Entries, e => (string?)e.Properties["UserName"] == user && (string?)e.Properties["ResourceId"] == taskId);
        }
        var own = await fixture.AsAsync("community.hudong-1");
        using var done = await own.SendAsync(HttpMethod.Post, $"/api/tasks/{taskId}/complete", form);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var task = (await done.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("community.hudong-1", (string?)task["completedBy"]);
        Assert.NotNull(caseId);
    }

    [Fact]
    public async Task A_change_with_the_cookie_from_another_origin_is_refused()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var own = await fixture.AsAsync("community.hudong-1");

        using var crossSite = await own.SendAsync(HttpMethod.Post, $"/api/tasks/{taskId}/complete", """{"form":{"category":"电梯"}}""", origin: "https://evil.example.com");
        using var noOrigin = await own.SendAsync(HttpMethod.Post, $"/api/tasks/{taskId}/complete", """{"form":{"category":"电梯"}}""", origin: null);

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noOrigin.StatusCode);
    }

    [Fact]
    public async Task The_API_key_still_sees_and_does_everything()
    {
        var (caseId, taskId) = await fixture.StartComplaintAsync();

        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(12, (await fixture.Api.GetFromJsonAsync<JsonArray>("/api/compounds"))!.Count);
        using var done = await fixture.Api.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["form"] = new JsonObject { ["category"] = "电梯" } });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }

    private static string WithoutTraceId(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }
}

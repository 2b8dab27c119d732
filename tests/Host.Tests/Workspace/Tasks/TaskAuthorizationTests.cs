using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Workflows.Host.Tests.Workspace.Tasks;

/// <summary>
/// Every task endpoint against every role, own unit against another: the community acts on its task; its street office
/// and the district see it read-only; other units and the admin cannot act on it, and other units do not see it.
/// A refusal is a 404 like a missing id, and is logged.
/// </summary>
public sealed class TaskAuthorizationTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    /// <summary>User, sees the task (GET), acts on it.</summary>
    public static TheoryData<string, bool, bool> Matrix => new()
    {
        { "community.hudong-1", true, true },
        { "street.hudong", true, false },
        { "bureau.shihe", true, false },
        { "leading.shihe", true, false },
        { "admin", true, false },
        { "community.hudong-2", false, false },
        { "street.minquan", false, false },
        { "bureau.jinshui", false, false },
        { "community.shangwu", false, false },
    };

    private static readonly (string Path, JsonObject Body)[] Actions =
    [
        ("claim", new JsonObject()),
        ("release", new JsonObject()),
        ("reassign", new JsonObject { ["userName"] = "community.hudong-1" }),
        ("notes", new JsonObject { ["text"] = "备注" }),
        ("extensions", new JsonObject { ["reason"] = "理由", ["proposedDueDate"] = "2026-10-30" }),
        ("complete", new JsonObject { ["form"] = new JsonObject { ["category"] = "电梯" } }),
    ];

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Every_task_endpoint_answers_by_unit(string user, bool sees, bool acts)
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var session = await fixture.AsAsync(user);

        using var get = await session.Client.GetAsync($"/api/tasks/{taskId}");
        Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, get.StatusCode);
        if (sees) Assert.Equal(acts, (bool)JsonNode.Parse(await get.Content.ReadAsStringAsync())!["canAct"]!);
        using var page = await session.Client.GetAsync($"/tasks/{taskId}");
        Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(acts, (await page.Content.ReadAsStringAsync()).Contains("class=\"complete\"", StringComparison.Ordinal));

        foreach (var (path, body) in Actions)
        {
            using var response = await session.PostAsync($"/api/tasks/{taskId}/{path}", body.DeepClone().AsObject());
            if (acts)
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} {path}: {(int)response.StatusCode}");
            Assert.Contains(fixture.GuardLog.Entries, e => e.Level == LogLevel.Warning
                && (string?)e.Properties["UserName"] == user && (string?)e.Properties["ResourceId"] == taskId);
        }
        var audit = await fixture.AuditAsync(taskId);
        Assert.Equal(acts, audit.Any(a => a.Action == "task.complete"));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Lists_show_only_what_the_unit_acts_on_or_supervises(string user, bool sees, bool acts)
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var session = await fixture.AsAsync(user);

        var unit = await session.ListAsync("unit");
        var below = await session.ListAsync("below");

        Assert.Equal(acts, unit.Any(t => (string)t!["id"]! == taskId));
        Assert.Equal(sees && !acts, below.Any(t => (string)t!["id"]! == taskId));
    }

    [Theory]
    [InlineData("street.hudong", true)]
    [InlineData("community.hudong-1", false)]
    [InlineData("street.minquan", false)]
    [InlineData("bureau.shihe", false)]
    [InlineData("admin", false)]
    public async Task Only_the_supervising_unit_decides_an_extension(string user, bool decides)
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var community = await fixture.AsAsync("community.hudong-1");
        var request = await community.PostAsync($"/api/tasks/{taskId}/extensions", new JsonObject { ["reason"] = "等待材料", ["proposedDueDate"] = "2026-10-30" }).OkAsync();
        var session = await fixture.AsAsync(user);

        using var deny = await session.PostAsync($"/api/task-extensions/{request["id"]}/deny");

        Assert.Equal(decides ? HttpStatusCode.OK : HttpStatusCode.NotFound, deny.StatusCode);
    }
}

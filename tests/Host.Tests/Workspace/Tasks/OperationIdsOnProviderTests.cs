using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Procedures;
using Workflows.Host.Workspace.Tasks;

namespace Workflows.Host.Tests.Workspace.Tasks;

/// <summary>
/// The reproductions of the hardening probe, on every provider: 30 concurrent requests under one
/// <c>Idempotency-Key</c> stored 6 notes and created 6 extension requests, and without a key 3 extensions were pending
/// on one task. The database now decides: one operation per id (its row in the operation's transaction), and one
/// pending extension per task (a unique filtered index).
/// </summary>
public abstract class OperationIdsOnProviderTests(TestDatabase database) : ProviderTests(database)
{
    private const int Concurrent = 30;

    [Fact]
    public async Task Thirty_concurrent_notes_with_one_key_store_one_note_and_every_answer_is_the_first()
    {
        await using var app = await NewAppAsync(definitionsPath: RepoPaths.Definitions);
        var taskId = await StartComplaintAsync(app);
        using var community = await Session.SignInAsync(app, "community.hudong-1");
        var key = Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ =>
            community.PostAsync($"/api/tasks/{taskId}/notes", new JsonObject { ["text"] = "已电话联系投诉人" }, key).OkAsync()));

        Assert.Equal(1, await CountAsync(app, db => db.Set<TaskNote>().CountAsync(n => n.TaskId == taskId)));
        Assert.Single(answers.Select(a => (string)a["id"]!).Distinct());
    }

    [Fact]
    public async Task Thirty_concurrent_extension_requests_with_one_key_create_one()
    {
        await using var app = await NewAppAsync(definitionsPath: RepoPaths.Definitions);
        var taskId = await StartComplaintAsync(app);
        using var community = await Session.SignInAsync(app, "community.hudong-1");
        var key = Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => community.PostAsync($"/api/tasks/{taskId}/extensions",
            new JsonObject { ["reason"] = "投诉人出差", ["proposedDueDate"] = "2026-10-20" }, key).OkAsync()));

        Assert.Equal(1, await CountAsync(app, db => db.Set<TaskExtension>().CountAsync(x => x.TaskId == taskId)));
        Assert.Single(answers.Select(a => (string)a["id"]!).Distinct());
    }

    [Fact]
    public async Task Without_a_key_concurrent_extension_requests_leave_one_pending_and_the_others_get_409()
    {
        await using var app = await NewAppAsync(definitionsPath: RepoPaths.Definitions);
        var taskId = await StartComplaintAsync(app);
        using var community = await Session.SignInAsync(app, "community.hudong-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => community.PostAsync($"/api/tasks/{taskId}/extensions",
            new JsonObject { ["reason"] = $"理由 {i}", ["proposedDueDate"] = $"2026-10-{10 + (i % 15)}" })));

        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
            Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            foreach (var response in refused)
                Assert.Contains("已有待审批的延期申请", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await CountAsync(app, db => db.Set<TaskExtension>().CountAsync(x => x.TaskId == taskId && x.Status == TaskExtensionStatus.Pending)));
        }
        finally
        {
            foreach (var response in responses) response.Dispose();
        }
    }

    /// <summary>A complaint for 湖东名苑 (community hudong-1); its first task, due Monday 2026-09-28.</summary>
    private static async Task<string> StartComplaintAsync(WorkflowsApp app)
    {
        using var api = app.CreateApiClient();
        var response = await api.PostAsJsonAsync("/api/cases", new JsonObject
        {
            ["procedure"] = "complaint-escalation", ["compoundId"] = "hudong-mingyuan", ["input"] = new JsonObject { ["complaint"] = "楼道堆放杂物" },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var view = await api.GetFromJsonAsync<JsonObject>($"/api/cases/{JsonNode.Parse(body)!["caseId"]}");
        return (string)view!["openTasks"]![0]!["id"]!;
    }

    private static async Task<int> CountAsync(WorkflowsApp app, Func<WorkflowsDbContext, Task<int>> count)
    {
        await using var scope = app.Scope();
        return await count(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>());
    }
}

public sealed class SqliteOperationIdsOnProviderTests() : OperationIdsOnProviderTests(TestDatabase.Sqlite);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlOperationIdsOnProviderTests(PostgreSqlServer server) : OperationIdsOnProviderTests(new PostgreSqlTestDatabase(server));

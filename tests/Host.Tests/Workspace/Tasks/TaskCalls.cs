using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;

namespace Workflows.Host.Tests.Workspace.Tasks;

/// <summary>The task API as a signed-in officer calls it (same-origin JSON), and what the tests read back.</summary>
internal static class TaskCalls
{
    public static Task<HttpResponseMessage> PostAsync(this Session session, string path, JsonObject? body = null, string? operationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent((body ?? []).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", Session.Origin);
        if (operationId is not null) request.Headers.Add("Idempotency-Key", operationId);
        return session.Client.SendAsync(request);
    }

    public static async Task<JsonObject> OkAsync(this Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The first page (the API pages the inbox; tests have fewer rows than a page).</summary>
    public static async Task<JsonArray> ListAsync(this Session session, string scope, string? query = null) =>
        (await session.Client.GetFromJsonAsync<JsonObject>($"/api/tasks?scope={scope}{query}"))!["items"]!.AsArray();

    public static async Task<JsonObject> TaskAsync(this Session session, string taskId) =>
        (await session.Client.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;

    public static readonly JsonObject IntakeForm = new() { ["form"] = new JsonObject { ["category"] = "电梯" } };

    public static async Task<List<AuditEntry>> AuditAsync(this AuthorizationFixture fixture, string taskId)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await db.Set<AuditEntry>().AsNoTracking().Where(a => a.ResourceType == "task" && a.ResourceId == taskId).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The id of the case's open task with this title.</summary>
    public static async Task<string> OpenTaskAsync(this AuthorizationFixture fixture, string caseId, string title)
    {
        var view = (await fixture.Api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!;
        return (string)view["openTasks"]!.AsArray().Single(t => (string)t!["title"]! == title)!["id"]!;
    }
}

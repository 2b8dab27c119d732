using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Workspace;

/// <summary>The service's own API is described at <c>/openapi/v1.json</c>; the Elsa API and the pages are not in it.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task The_document_lists_the_services_own_api_only()
    {
        await using var app = new WorkflowsApp();
        using var client = app.CreateClient();

        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        File.WriteAllText(Path.Combine(app.DataPath, "openapi.json"), document.ToJsonString());

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/audit", paths);
        Assert.Contains("/api/me", paths);
        Assert.Contains("/api/cases/{caseId}", paths);
        foreach (var path in new[] { "/api/district/units", "/api/district/units/{id}", "/api/district/compounds/{id}/deactivate",
                     "/api/district/companies/{id}", "/api/district/committees", "/api/users", "/api/holidays", "/api/holidays/{year}" })
            Assert.Contains(path, paths);
        foreach (var path in new[] { "/api/tasks", "/api/tasks/{taskId}", "/api/tasks/{taskId}/complete", "/api/tasks/{taskId}/claim",
                     "/api/tasks/{taskId}/release", "/api/tasks/{taskId}/reassign", "/api/tasks/{taskId}/notes", "/api/tasks/{taskId}/extensions",
                     "/api/task-extensions", "/api/task-extensions/{extensionId}/approve", "/api/task-extensions/{extensionId}/deny" })
            Assert.Contains(path, paths);
        Assert.All(paths, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
        Assert.StartsWith("物业管理工作流服务 API", (string)document["info"]!["title"]!, StringComparison.Ordinal);
        var audit = document["paths"]!["/api/audit"]!["get"]!;
        Assert.Equal(["user", "action", "resourceType", "resourceId", "from", "to", "page", "pageSize"],
            audit["parameters"]!.AsArray().Select(p => (string)p!["name"]!));
    }
}

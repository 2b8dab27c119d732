using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Procedures;
using Workflows.Host.Workspace.Officers;

namespace Workflows.Host.Tests.Workspace;

/// <summary>
/// One Host (Development: demo district and demo users, shipped definitions) for the authorization tests, with the
/// unit guard's log recorded. Sessions are signed in once per user and shared; tests that change data make their own.
/// </summary>
public sealed class AuthorizationFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Session> _sessions = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);

    public RecordingLogger<UnitGuard> GuardLog { get; } = new();
    public WorkflowsApp App { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new WorkflowsApp(definitionsPath: RepoPaths.Definitions, services: services =>
        {
            services.RemoveAll<ILogger<UnitGuard>>();
            services.AddSingleton<ILogger<UnitGuard>>(GuardLog);
        });
        Api = App.CreateApiClient();
        await Task.CompletedTask;
    }

    public async Task<Session> AsAsync(string userName)
    {
        await _signIn.WaitAsync();
        try
        {
            if (!_sessions.TryGetValue(userName, out var session))
                _sessions[userName] = session = await Session.SignInAsync(App, userName);
            return session;
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <summary>A complaint for 湖东名苑 (community hudong-1, street office hudong, district shihe); returns its case id and first task.</summary>
    public async Task<(string CaseId, string TaskId)> StartComplaintAsync()
    {
        var response = await Api.PostAsJsonAsync("/api/cases", new JsonObject
        {
            ["procedure"] = "complaint-escalation",
            ["compoundId"] = "hudong-mingyuan",
            ["input"] = new JsonObject { ["complaint"] = "楼道堆放杂物", ["channel"] = "12345", ["complainant"] = new JsonObject { ["name"] = "王先生", ["mobile"] = "13700001111" } },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var caseId = (string)JsonNode.Parse(body)!["caseId"]!;
        var view = await Api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        return (caseId, (string)view!["openTasks"]![0]!["id"]!);
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values) session.Dispose();
        Api.Dispose();
        _signIn.Dispose();
        await App.DisposeAsync();
    }
}

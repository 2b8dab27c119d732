using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Security;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Workspace;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Users;

namespace Workflows.Host.Tests.District;

/// <summary>An admin of a Production host, signed in with the cookie; calls the API the way the admin pages do (same origin).</summary>
internal sealed class DistrictAdmin(Session session) : IDisposable
{
    public const string UserName = "quanli";
    public const string Password = "Guanli#2026x";

    public Session Session { get; } = session;

    /// <summary>Creates the first admin as <c>create-admin</c> does, then signs in through the login form.</summary>
    public static async Task<DistrictAdmin> CreateAsync(WorkflowsApp app)
    {
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var result = await users.CreateAsync(new NewUser(UserName, "区管理员", Roles.Admin, null, Password), AuditActor.System("create-admin"), default);
            Assert.IsType<UserAdministration.Done>(result);
        }
        return new DistrictAdmin(await Session.SignInAsync(app, UserName, Password));
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null) =>
        Session.SendAsync(method, path, body?.ToJsonString());

    /// <summary>POSTs and fails the test unless the answer is <paramref name="expected"/>; returns the body.</summary>
    public async Task<JsonNode> PostAsync(string path, JsonNode body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await SendAsync(HttpMethod.Post, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        var response = await Session.Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public void Dispose() => Session.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.ElsaApi;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Workspace.Audit;

namespace Workflows.Host.Tests.Workspace;

/// <summary>
/// The audit trail: user administration and definition changes are recorded with who, when, before and after;
/// entries cannot be changed or removed; the Elsa API takes an admin's cookie from the same origin.
/// </summary>
public sealed class AuditTests : IAsyncLifetime
{
    private readonly WorkflowsApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Creating_an_officer_resetting_the_password_and_locking_are_audited_and_take_effect()
    {
        using var admin = await Session.SignInAsync(_app, "admin");

        using var created = await admin.PostFormAsync("/admin/users", "/admin/users", new()
        {
            ["userName"] = "community.shangwu.li", ["displayName"] = "李敏", ["role"] = "community", ["unitId"] = "shangwu", ["password"] = "Chushi#2026a",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = (await Entries(AuditActions.UserCreate)).Single(e => e.AfterJson!.Contains("community.shangwu.li", StringComparison.Ordinal)).ResourceId!;
        using (var officer = await Session.SignInAsync(_app, "community.shangwu.li", "Chushi#2026a"))
        {
            var me = (await officer.Client.GetFromJsonAsync<JsonObject>("/api/me"))!;
            Assert.Equal("商务社区", (string)me["unit"]!["name"]!);
        }

        using var reset = await admin.PostFormAsync("/admin/users", $"/admin/users/{id}/password", new() { ["password"] = "Chongzhi#2026b" });
        using var locked = await admin.PostFormAsync("/admin/users", $"/admin/users/{id}/lock", []);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        using var attempt = Session.Anonymous(_app);
        Assert.Contains("账户已被锁定", (await Dom.ParseAsync(await attempt.SignInAttemptAsync("community.shangwu.li", "Chongzhi#2026b"))).Text("[role=alert]"),
            StringComparison.Ordinal);

        var create = Assert.Single(await Entries(AuditActions.UserCreate, id));
        Assert.Equal(("admin", AuditActor.Kinds.User), (create.ActorName, create.ActorKind));
        Assert.Null(create.BeforeJson);
        Assert.Contains("\"unitId\":\"shangwu\"", create.AfterJson, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"community\"", create.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Chushi", create.AfterJson, StringComparison.Ordinal);
        var resetEntry = Assert.Single(await Entries(AuditActions.UserResetPassword, id));
        Assert.DoesNotContain("Chongzhi", resetEntry.AfterJson, StringComparison.Ordinal);
        var lockEntry = Assert.Single(await Entries(AuditActions.UserLock, id));
        Assert.Contains("\"locked\":false", lockEntry.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"locked\":true", lockEntry.AfterJson, StringComparison.Ordinal);
        Assert.Equal(_app.Clock.GetUtcNow(), lockEntry.At);
        Assert.False(string.IsNullOrEmpty(lockEntry.RequestId));
    }

    [Fact]
    public async Task A_new_officer_is_refused_with_named_fields_when_role_and_unit_do_not_match()
    {
        using var admin = await Session.SignInAsync(_app, "admin");

        using var response = await admin.PostFormAsync("/admin/users", "/admin/users", new()
        {
            ["userName"] = "street.wrong", ["displayName"] = "错配", ["role"] = "street-office", ["unitId"] = "shangwu", ["password"] = "weak",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Dom.ParseAsync(response);
        Assert.Equal("街道办人员须属于街道办单位，“商务社区”不是", page.Text("#unitId-errors .field-error"));
        Assert.Equal("street.wrong", page.QuerySelector("#userName")?.GetAttribute("value"));
        Assert.Empty(await Entries(AuditActions.UserCreate));
    }

    [Fact]
    public async Task Publishing_through_the_Elsa_API_with_an_admin_cookie_is_audited_with_the_admin()
    {
        using var admin = await Session.SignInAsync(_app, "admin");
        var definitionId = ElsaApi.ElsaApi.NewId("audit");
        var model = ElsaApi.ElsaApi.WaitingDefinition(definitionId);

        using var saved = await admin.SendAsync(HttpMethod.Post, "/elsa/api/workflow-definitions",
            new JsonObject { ["model"] = model.DeepClone(), ["publish"] = false }.ToJsonString());
        using var published = await admin.SendAsync(HttpMethod.Post, $"/elsa/api/workflow-definitions/{definitionId}/publish");
        using var retracted = await admin.SendAsync(HttpMethod.Post, $"/elsa/api/workflow-definitions/{definitionId}/retract");
        using var deleted = await admin.SendAsync(HttpMethod.Delete, $"/elsa/api/workflow-definitions/{definitionId}");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retracted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var trail = (await Entries(null, definitionId)).OrderBy(e => e.Id).ToList();
        Assert.Equal([AuditActions.DefinitionCreate, AuditActions.DefinitionPublish, AuditActions.DefinitionRetract, AuditActions.DefinitionDelete],
            trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal(("admin", AuditActor.Kinds.User), (e.ActorName, e.ActorKind)));
        var publish = trail[1];
        Assert.Contains("\"publishedVersion\":1", publish.AfterJson, StringComparison.Ordinal);
        Assert.Contains("\"publishedVersion\":null", publish.BeforeJson, StringComparison.Ordinal);
        Assert.Null(trail[3].AfterJson);
    }

    [Fact]
    public async Task The_API_key_keeps_working_and_is_recorded_by_its_name()
    {
        using var api = _app.CreateApiClient();
        var definitionId = ElsaApi.ElsaApi.NewId("audit");

        await api.SaveAsync(ElsaApi.ElsaApi.WaitingDefinition(definitionId), publish: true);

        var entry = Assert.Single(await Entries(AuditActions.DefinitionPublish, definitionId));
        Assert.Equal((AuditActor.Kinds.ApiKey, "development"), (entry.ActorKind, entry.ActorName));
    }

    [Fact]
    public async Task The_Elsa_API_refuses_an_officers_cookie_and_a_cross_origin_change_with_an_admins_cookie()
    {
        using var officer = await Session.SignInAsync(_app, "bureau.shihe");
        using var admin = await Session.SignInAsync(_app, "admin");
        var definitionId = ElsaApi.ElsaApi.NewId("audit");
        var body = new JsonObject { ["model"] = ElsaApi.ElsaApi.WaitingDefinition(definitionId), ["publish"] = true }.ToJsonString();

        using var byOfficer = await officer.SendAsync(HttpMethod.Post, "/elsa/api/workflow-definitions", body);
        using var crossOrigin = await admin.SendAsync(HttpMethod.Post, "/elsa/api/workflow-definitions", body, origin: "https://evil.example.com");
        using var noOrigin = await admin.SendAsync(HttpMethod.Post, "/elsa/api/workflow-definitions", body, origin: null);
        using var read = await admin.SendAsync(HttpMethod.Get, "/elsa/api/workflow-definitions", origin: null);

        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Empty(await Entries(null, definitionId));
    }

    [Fact]
    public async Task Entries_cannot_be_updated_or_deleted()
    {
        using (await Session.SignInAsync(_app, "admin")) { }
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        // The admin's sign-in (Development also records entering the demo's provisional holiday year on start).
        var entry = await db.AuditEntries.FirstAsync(e => e.Action == AuditActions.SignInSucceeded);

        db.Entry(entry).Property(e => e.ActorName).CurrentValue = "someone else";
        var tracked = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(entry);
        var removed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        var update = await Assert.ThrowsAsync<SqliteException>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "x")));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.AuditEntries.ExecuteDeleteAsync());
        var raw = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));

        Assert.Contains("append-only", tracked.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", removed.Message, StringComparison.Ordinal);
        Assert.All([update, delete, raw], e => Assert.Contains("append-only", e.Message, StringComparison.Ordinal));
        Assert.Equal("admin", (await db.AuditEntries.AsNoTracking().FirstAsync(e => e.Id == entry.Id)).ActorName);
    }

    [Fact]
    public async Task The_audit_API_filters_and_pages_and_the_page_shows_the_same_in_Chinese()
    {
        using var admin = await Session.SignInAsync(_app, "admin");
        for (var i = 0; i < 3; i++)
            await Session.Anonymous(_app).SignInAttemptAsync("community.shangwu", "Wrong-password-" + i);

        var page1 = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/audit?action=sign-in.failed&user=shangwu&pageSize=2"))!;
        var page2 = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/audit?action=sign-in.failed&user=shangwu&pageSize=2&page=2"))!;
        var today = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/audit?from=2026-09-25&to=2026-09-25"))!;
        var yesterday = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/audit?to=2026-09-24"))!;
        using var badDate = await admin.Client.GetAsync("/api/audit?from=25.09.2026");
        var html = await admin.Client.GetPageAsync("/admin/audit?action=sign-in.failed");

        Assert.Equal(3, (int)page1["totalCount"]!);
        Assert.Equal(2, page1["items"]!.AsArray().Count);
        Assert.Single(page2["items"]!.AsArray());
        Assert.True((int)today["totalCount"]! >= 4);
        Assert.Equal(0, (int)yesterday["totalCount"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("from", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("审计日志 - 物业管理工作平台", html.Title);
        Assert.Equal(3, html.QuerySelectorAll("tr[data-action='sign-in.failed']").Length);
        Assert.All(html.QuerySelectorAll("tr[data-action] td[data-label='操作']"), td => Assert.StartsWith("登录失败", td.TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("sign-in.failed", html.QuerySelector("#action option[selected]")?.GetAttribute("value"));
        Assert.Equal("第 1 / 1 页，共 3 条", html.Text(".pager span"));
    }

    private async Task<List<AuditEntry>> Entries(string? action, string? resourceId = null)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await db.AuditEntries.AsNoTracking()
            .Where(e => (action == null || e.Action == action) && (resourceId == null || e.ResourceId == resourceId)).ToListAsync();
    }
}

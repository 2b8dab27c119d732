using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Workspace.Audit;

namespace Workflows.Host.Tests.Workspace;

/// <summary>
/// Users, sign-in and the audit trail on every database provider: the Identity tables, the user-name lookup
/// through the normalized column, instants stored and read back, and the append-only triggers.
/// </summary>
public abstract class AccountsOnProviderTests(TestDatabase database) : ProviderTests(database)
{
    [Fact]
    public async Task A_created_officer_signs_in_whatever_the_letter_case_of_the_user_name_and_the_creation_is_audited_at_the_service_time()
    {
        await using var app = await NewAppAsync();
        using var admin = await Session.SignInAsync(app, "admin");

        using var created = await admin.PostFormAsync("/admin/users", "/admin/users", new()
        {
            ["userName"] = "community.shangwu.wang", ["displayName"] = "王芳", ["role"] = "community", ["unitId"] = "shangwu", ["password"] = "Chushi#2026c",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        // Identity looks user names up by their normalized (upper-case) column, so PostgreSQL's case-sensitive
        // comparison must not make "Community.ShangWu.Wang" a stranger.
        using (var officer = await Session.SignInAsync(app, "Community.ShangWu.Wang", "Chushi#2026c"))
        {
            var me = (await officer.Client.GetFromJsonAsync<JsonObject>("/api/me"))!;
            Assert.Equal("商务社区", (string)me["unit"]!["name"]!);
        }
        using var wrong = Session.Anonymous(app);
        Assert.NotEqual(HttpStatusCode.Redirect, (await wrong.SignInAttemptAsync("community.shangwu.wang", "Chushi#2026C")).StatusCode);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.UserCreate && e.ActorName == "admin");
        Assert.Equal(app.Clock.GetUtcNow(), entry.At);
        Assert.Contains("community.shangwu.wang", entry.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_removed_by_a_bulk_statement()
    {
        await using var app = await NewAppAsync();
        using (await Session.SignInAsync(app, "admin"))
        {
        }
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync());

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "x")));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());

        Assert.All([update, delete], e => Assert.Contains("append-only", e.Message, StringComparison.Ordinal));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.ActorName == "x"));
    }
}

public sealed class SqliteAccountsOnProviderTests() : AccountsOnProviderTests(TestDatabase.Sqlite);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAccountsOnProviderTests(PostgreSqlServer server) : AccountsOnProviderTests(new PostgreSqlTestDatabase(server));

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Workspace;

/// <summary>Locking a user or resetting their password ends the sessions they already have (at the next re-check).</summary>
public sealed class SessionEndTests
{
    [Fact]
    public async Task Locking_and_resetting_end_the_users_open_sessions()
    {
        // The cookie is re-checked every minute in production; every request here.
        await using var app = new WorkflowsApp(services: s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        using var admin = await Session.SignInAsync(app, "admin");
        using var locked = await Session.SignInAsync(app, "community.shangwu");
        using var reset = await Session.SignInAsync(app, "community.jingbalu-2");
        Assert.Equal(HttpStatusCode.OK, (await locked.Client.GetAsync("/api/me")).StatusCode);

        var users = await admin.Client.GetPageAsync("/admin/users");
        string IdOf(string userName) => users.QuerySelector($"tr[data-user='{userName}'] form.reset-password")!.GetAttribute("action")!.Split('/')[3];
        await admin.PostFormAsync("/admin/users", $"/admin/users/{IdOf("community.shangwu")}/lock", []);
        await admin.PostFormAsync("/admin/users", $"/admin/users/{IdOf("community.jingbalu-2")}/password", new() { ["password"] = "Xinmima#2027q" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await locked.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reset.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/me")).StatusCode);
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Workspace;

/// <summary>The admin pages as Razor components, read from the DOM: users, audit, delivery log and templates, in both languages.</summary>
public sealed class AdminPagesTests : IAsyncLifetime
{
    private readonly WorkflowsApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task The_users_page_in_English_has_no_Chinese_chrome_and_every_field_has_a_label()
    // The signed-in person's name and unit are business data and the switch names the other language: both stay Chinese.
    {
        using var admin = await Session.SignInAsync(_app, "admin");

        var page = await admin.Client.GetPageAsync("/admin/users?lang=en");

        Assert.Equal("Users - Property management workspace", page.Title);
        Assert.Equal(["User name", "Name", "Role", "Unit", "Status", "Created", "Actions"], page.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal("Community", page.Text("tr[data-user='community.shangwu'] td[data-label='Role']"));
        Assert.Equal("Active", page.Text("tr[data-user='community.shangwu'] .pill"));
        Assert.All(page.QuerySelectorAll("form.inline input:not([type=hidden]), form.inline select"),
            field => Assert.NotNull(page.QuerySelector($"label[for='{field.Id}']")));
        Assert.All(page.QuerySelectorAll("form.reset-password input[name=password]"), input => Assert.StartsWith("New password for ", input.GetAttribute("aria-label"), StringComparison.Ordinal));
        Assert.DoesNotMatch("[\u4e00-\u9fff]", string.Concat(page.QuerySelectorAll("header nav, header a:not(.admin-lang), header button, h1, thead, label, button").Select(e => e.TextContent)));
    }

    [Fact]
    public async Task A_broken_template_posted_from_the_editor_names_its_line_and_is_not_saved()
    {
        using var admin = await Session.SignInAsync(_app, "admin");

        using var response = await admin.PostFormAsync("/admin/templates/reminder-5d/Email", "/admin/templates/reminder-5d/Email", new()
        {
            ["subject"] = "主题", ["body"] = "第一行\n{% if %}", ["action"] = "save",
        });
        var page = await Dom.ParseAsync(response);
        var after = await admin.Client.GetPageAsync("/admin/templates");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("模板有误，未保存", page.Text("h2.errors"));
        Assert.StartsWith("正文 第 2 行：", page.Text("ul.errors li"), StringComparison.Ordinal);
        Assert.Equal("系统默认", after.Text("tr[data-template='reminder-5d/Email'] .pill"));
    }

    [Fact]
    public async Task Resending_from_the_delivery_page_needs_the_form_token()
    {
        using var admin = await Session.SignInAsync(_app, "admin");
        var id = Guid.NewGuid().ToString("N");
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            db.Outbox.Add(new OutboxMessage { Id = id, IdempotencyKey = "page-test:" + id, Channel = "Email", Recipient = "page@wuye.test",
                Subject = "页面测试", Body = "正文", Status = OutboxStatus.Failed, CreatedAt = _app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var detail = await admin.Client.GetPageAsync($"/admin/notifications/{id}?lang=en");
        using var withoutToken = await admin.SendAsync(HttpMethod.Post, $"/admin/notifications/{id}/resend");
        using var withToken = await admin.PostFormAsync($"/admin/notifications/{id}", $"/admin/notifications/{id}/resend", []);

        Assert.Equal("Failed", detail.Text("[data-status]"));
        Assert.Equal(["Delivery log", "Message"], detail.QuerySelectorAll(".breadcrumbs li").Select(li => li.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.StartsWith("/admin/notifications/", withToken.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

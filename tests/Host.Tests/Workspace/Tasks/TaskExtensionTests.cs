using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Persistence;

namespace Workflows.Host.Tests.Workspace.Tasks;

/// <summary>
/// 申请延期 with a fake clock: the community asks its street office before the due date; approval moves the due date, the
/// overdue timer and the reminders; denial changes nothing; after the due date a request is refused.
/// The complaint's intake task is due after 1 working day: Monday 2026-09-28 (the clock starts Friday 09-25 09:00).
/// </summary>
public sealed class TaskExtensionTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    [Fact]
    public async Task An_approved_extension_moves_the_due_date_the_overdue_timer_and_the_reminders()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var community = await fixture.AsAsync("community.hudong-1");
        var street = await fixture.AsAsync("street.hudong");
        var oldDue = (string)(await community.TaskAsync(taskId))["task"]!["dueDate"]!;
        var proposed = DateOnly.Parse(oldDue, System.Globalization.CultureInfo.InvariantCulture).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var request = await community.PostAsync($"/api/tasks/{taskId}/extensions", new JsonObject { ["reason"] = "投诉人出差，需等待其返回核实", ["proposedDueDate"] = proposed }).OkAsync();

        var pending = (await street.Client.GetFromJsonAsync<JsonArray>("/api/task-extensions"))!;
        var extensionId = (string)request["id"]!;
        Assert.Contains(pending, x => (string)x!["id"]! == extensionId && (string)x["status"]! == "Pending");
        Assert.Equal("hudong", (string)request["supervisor"]!["id"]!);
        // The community cannot approve its own request, nor can another street office.
        using var selfApproval = await community.PostAsync($"/api/task-extensions/{extensionId}/approve");
        Assert.Equal(HttpStatusCode.NotFound, selfApproval.StatusCode);
        using var otherStreet = await (await fixture.AsAsync("street.minquan")).PostAsync($"/api/task-extensions/{extensionId}/approve");
        Assert.Equal(HttpStatusCode.NotFound, otherStreet.StatusCode);

        await street.PostAsync($"/api/task-extensions/{extensionId}/approve", new JsonObject { ["note"] = "同意" }).OkAsync();

        var task = (await community.TaskAsync(taskId))["task"]!;
        Assert.Equal(proposed, (string)task["dueDate"]!);
        Assert.Contains(await RemindersAsync(taskId), r => r.Status == ReminderStatus.Pending
            && DateOnly.FromDateTime(r.DueAt.ToOffset(TimeSpan.FromHours(8)).DateTime) > DateOnly.Parse(oldDue, System.Globalization.CultureInfo.InvariantCulture));

        // A day after the old due date: not overdue.
        await fixture.App.AdvanceAsync(fixture.Api, days: 4);
        var atOldDue = await community.TaskAsync(taskId);
        Assert.False((bool)atOldDue["task"]!["overdue"]!);
        Assert.NotEqual("red", (string)atOldDue["timing"]!["light"]!);

        // Past the new one: the timer fires at the new instant.
        await fixture.App.AdvanceAsync(fixture.Api, days: 6);
        var afterNewDue = await community.TaskAsync(taskId);
        Assert.True((bool)afterNewDue["task"]!["overdue"]!);
        Assert.Equal("red", (string)afterNewDue["timing"]!["light"]!);
        var audit = await fixture.AuditAsync(taskId);
        Assert.Equal(["task.open", "task.extension-request", "task.extension-approve", "task.overdue"], audit.Select(a => a.Action));
        Assert.Equal("street.hudong", audit[2].ActorName);

        // After the due date no further request is accepted.
        using var late = await community.PostAsync($"/api/tasks/{taskId}/extensions", new JsonObject { ["reason"] = "再延", ["proposedDueDate"] = "2026-12-31" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("超过期限后不能申请延期", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_denied_extension_leaves_the_due_date_and_a_decision_is_made_once()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var community = await fixture.AsAsync("community.hudong-1");
        var street = await fixture.AsAsync("street.hudong");
        var before = (await community.TaskAsync(taskId))["task"]!;

        using var invalid = await community.PostAsync($"/api/tasks/{taskId}/extensions", new JsonObject { ["reason"] = "", ["proposedDueDate"] = "2026-09-01" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problems = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("请填写延期理由", problems, StringComparison.Ordinal);
        Assert.Contains("应晚于现在的到期日", problems, StringComparison.Ordinal);

        var request = await community.PostAsync($"/api/tasks/{taskId}/extensions", new JsonObject { ["reason"] = "材料未齐", ["proposedDueDate"] = "2026-10-30" }).OkAsync();
        using var twice = await community.PostAsync($"/api/tasks/{taskId}/extensions", new JsonObject { ["reason"] = "材料未齐", ["proposedDueDate"] = "2026-10-30" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var denied = await street.PostAsync($"/api/task-extensions/{request["id"]}/deny", new JsonObject { ["note"] = "期限内可办结" }).OkAsync();
        using var again = await street.PostAsync($"/api/task-extensions/{request["id"]}/approve");

        Assert.Equal("Denied", (string)denied["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var after = (await community.TaskAsync(taskId))["task"]!;
        Assert.Equal((string)before["dueDate"]!, (string)after["dueDate"]!);
        Assert.Equal("task.extension-deny", (await fixture.AuditAsync(taskId))[^1].Action);
    }

    private async Task<List<ReminderRecord>> RemindersAsync(string taskId)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await db.Reminders.AsNoTracking().Where(r => r.SubjectId == taskId).ToListAsync();
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace Workflows.Host.Tests.Workspace.Tasks;

/// <summary>The server-rendered inbox and task page: what a busy officer sees and the form posts behind the buttons.</summary>
public sealed class TaskPageTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    [Fact]
    public async Task The_inbox_shows_the_unit_tasks_with_their_light_and_time_left_in_Chinese()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var officer = await fixture.AsAsync("community.hudong-1");

        var html = await officer.Client.GetStringAsync("/tasks?tab=unit");

        var row = Regex.Match(html, $"<tr data-task-id=\"{taskId}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "the task is in the unit tab");
        Assert.Matches("data-light=\"yellow\">剩余[0-9]+天<", row.Value);
        Assert.Contains("登记受理物业投诉", row.Value, StringComparison.Ordinal);
        var english = await officer.Client.GetStringAsync("/tasks?tab=unit&lang=en");
        Assert.Contains("day(s) left", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_on_the_page_checks_required_fields_then_moves_the_case_on()
    {
        var (caseId, taskId) = await fixture.StartComplaintAsync();
        var officer = await fixture.AsAsync("community.hudong-1");
        var page = $"/tasks/{taskId}";
        var html = await officer.Client.GetStringAsync(page);
        Assert.Contains($"href=\"/cases/{caseId}\"", html, StringComparison.Ordinal);
        Assert.Contains("<select id=\"f-category\" name=\"form.category\">", html, StringComparison.Ordinal);
        var operationId = Regex.Match(html, "name=\"operationId\" value=\"([0-9a-f]+)\"").Groups[1].Value;

        using var missing = await officer.PostFormAsync(page, $"{page}/complete", new() { ["operationId"] = Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请填写“投诉类别”", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var done = await officer.PostFormAsync(page, $"{page}/complete", new() { ["form.category"] = "电梯", ["operationId"] = operationId });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        using var again = await officer.PostFormAsync(page, $"{page}/complete", new() { ["form.category"] = "电梯", ["operationId"] = operationId });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        Assert.Single(await fixture.AuditAsync(taskId), a => a.Action == "task.complete");
        Assert.NotNull(await fixture.OpenTaskAsync(caseId, "社区调解物业纠纷"));
        Assert.Contains("已办结，案件已转入下一步", await officer.Client.GetStringAsync(done.Headers.Location!.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var officer = await fixture.AsAsync("community.hudong-1");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/tasks/{taskId}/claim") { Content = new FormUrlEncodedContent(new Dictionary<string, string>()) };
        request.Headers.Add("Origin", Session.Origin);
        using var response = await officer.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Open", (string)(await officer.TaskAsync(taskId))["task"]!["status"]!);
    }
}

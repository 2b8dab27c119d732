using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Workspace.Accounts;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Tests.Workspace.Tasks;

/// <summary>Claim, release, reassign within the unit, notes, and completing: revision check, operation ids, audit.</summary>
public sealed class TaskActionTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    [Fact]
    public async Task Claim_release_and_reassign_stay_within_the_unit_and_are_audited()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        await CreateColleagueAsync("community.hudong-1b", "hudong-1");
        var officer = await fixture.AsAsync("community.hudong-1");

        var claimed = await officer.PostAsync($"/api/tasks/{taskId}/claim").OkAsync();
        Assert.Equal("Claimed", (string)claimed["status"]!);
        using var again = await officer.PostAsync($"/api/tasks/{taskId}/claim");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var toOtherUnit = await officer.PostAsync($"/api/tasks/{taskId}/reassign", new JsonObject { ["userName"] = "community.hudong-2" });
        Assert.Equal(HttpStatusCode.BadRequest, toOtherUnit.StatusCode);
        Assert.Contains("只能转派给本单位人员", await toOtherUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await officer.PostAsync($"/api/tasks/{taskId}/reassign", new JsonObject { ["userName"] = "community.hudong-1b" }).OkAsync();
        var detail = await officer.TaskAsync(taskId);
        Assert.Equal("community.hudong-1b", (string?)detail["claimedBy"]);
        // Claimed by a colleague: theirs to complete.
        using var notMine = await officer.PostAsync($"/api/tasks/{taskId}/complete", TaskCalls.IntakeForm);
        Assert.Equal(HttpStatusCode.Conflict, notMine.StatusCode);

        var colleague = await Session.SignInAsync(fixture.App, "community.hudong-1b");
        await colleague.PostAsync($"/api/tasks/{taskId}/release").OkAsync();

        var audit = await fixture.AuditAsync(taskId);
        Assert.Equal(["task.open", "task.claim", "task.reassign", "task.release"], audit.Select(a => a.Action));
        var reassign = audit.Single(a => a.Action == "task.reassign");
        Assert.Equal("community.hudong-1", reassign.ActorName);
        Assert.Contains("\"claimedBy\":\"community.hudong-1\"", reassign.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"claimedBy\":\"community.hudong-1b\"", reassign.AfterJson, StringComparison.Ordinal);
        Assert.Equal("community.hudong-1b", audit[^1].ActorName);
    }

    [Fact]
    public async Task A_required_form_field_left_empty_is_refused_with_a_clear_message_and_nothing_changes()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var officer = await fixture.AsAsync("community.hudong-1");

        using var response = await officer.PostAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["form"] = new JsonObject() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请填写“投诉类别”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Open", (string)(await officer.TaskAsync(taskId))["task"]!["status"]!);
    }

    [Fact]
    public async Task Two_officers_completing_at_once_one_wins_and_the_other_gets_409_in_Chinese()
    {
        var (caseId, taskId) = await fixture.StartComplaintAsync();
        await CreateColleagueAsync("community.hudong-1c", "hudong-1");
        var first = await fixture.AsAsync("community.hudong-1");
        var second = await Session.SignInAsync(fixture.App, "community.hudong-1c");
        var revision = (long)(await first.TaskAsync(taskId))["task"]!["revision"]!;
        var body = new JsonObject { ["form"] = new JsonObject { ["category"] = "电梯" }, ["revision"] = revision };

        var responses = await Task.WhenAll(first.PostAsync($"/api/tasks/{taskId}/complete", body), second.PostAsync($"/api/tasks/{taskId}/complete", body.DeepClone().AsObject()));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        var title = (string)JsonNode.Parse(await loser.Content.ReadAsStringAsync())!["title"]!;
        Assert.Contains("登记受理物业投诉", title, StringComparison.Ordinal);
        Assert.Single(await fixture.AuditAsync(taskId), a => a.Action == "task.complete");
        // The case moved on once: one mediation task.
        Assert.NotNull(await fixture.OpenTaskAsync(caseId, "社区调解物业纠纷"));
    }

    [Fact]
    public async Task The_same_operation_id_twice_returns_the_first_answer_and_completes_once()
    {
        var (caseId, taskId) = await fixture.StartComplaintAsync();
        var officer = await fixture.AsAsync("community.hudong-1");
        var operationId = Guid.NewGuid().ToString("N");

        var firstAnswer = await officer.PostAsync($"/api/tasks/{taskId}/complete", TaskCalls.IntakeForm, operationId).OkAsync();
        var repeated = await officer.PostAsync($"/api/tasks/{taskId}/complete", TaskCalls.IntakeForm, operationId).OkAsync();
        var parallel = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => officer.PostAsync($"/api/tasks/{taskId}/complete", TaskCalls.IntakeForm, operationId)));

        Assert.Equal(firstAnswer.ToJsonString(), repeated.ToJsonString());
        Assert.All(parallel, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await fixture.AuditAsync(taskId), a => a.Action == "task.complete");
        Assert.NotNull(await fixture.OpenTaskAsync(caseId, "社区调解物业纠纷"));
        // A different task under the same id is a client mistake, not a replay.
        var (_, otherTask) = await fixture.StartComplaintAsync();
        using var misuse = await officer.PostAsync($"/api/tasks/{otherTask}/complete", TaskCalls.IntakeForm, operationId);
        Assert.Equal(HttpStatusCode.BadRequest, misuse.StatusCode);
    }

    [Fact]
    public async Task Completion_and_the_workflow_changes_it_causes_are_in_the_audit_trail()
    {
        var (caseId, taskId) = await fixture.StartComplaintAsync();
        var officer = await fixture.AsAsync("community.hudong-1");

        await officer.PostAsync($"/api/tasks/{taskId}/notes", new JsonObject { ["text"] = "已电话联系投诉人" }).OkAsync();
        await officer.PostAsync($"/api/tasks/{taskId}/notes", new JsonObject { ["text"] = "现场照片", ["reference"] = "https://files.example/123" }).OkAsync();
        await officer.PostAsync($"/api/tasks/{taskId}/complete", TaskCalls.IntakeForm).OkAsync();

        var audit = await fixture.AuditAsync(taskId);
        Assert.Equal(["task.open", "task.note", "task.attachment", "task.complete"], audit.Select(a => a.Action));
        Assert.Equal(("system", "workflow"), (audit[0].ActorKind, audit[0].ActorName));
        var complete = audit[^1];
        Assert.Equal(("user", "community.hudong-1"), (complete.ActorKind, complete.ActorName));
        Assert.Contains("\"status\":\"Open\"", complete.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Done\"", complete.AfterJson, StringComparison.Ordinal);
        var next = await fixture.OpenTaskAsync(caseId, "社区调解物业纠纷");
        Assert.Equal(("system", "workflow", "task.open"), (await fixture.AuditAsync(next)).Select(a => (a.ActorKind, a.ActorName, a.Action)).Single());
        var detail = await officer.TaskAsync(taskId);
        Assert.Equal(2, detail["notes"]!.AsArray().Count);
        Assert.Equal("https://files.example/123", (string?)detail["notes"]![1]!["reference"]);
    }

    private async Task CreateColleagueAsync(string userName, string unitId)
    {
        await using var scope = fixture.App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
        if (await users.FindByNameAsync(userName) is not null) return;
        var result = await users.CreateAsync(new WorkspaceUser
        {
            UserName = userName, DisplayName = userName, UnitId = unitId, UnitKind = UnitKind.Community, UnitName = "湖东社区",
            CreatedAt = DateTimeOffset.UtcNow,
        }, Session.DemoPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync((await users.FindByNameAsync(userName))!, Workflows.Host.Security.Roles.Community);
    }
}

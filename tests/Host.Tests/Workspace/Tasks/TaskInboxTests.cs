using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Workspace.Tasks;

/// <summary>The inbox: tabs, sorting by least time left, the lights counted in China time with the service's clock, filters.</summary>
public sealed class TaskInboxTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    [Fact]
    public async Task Tasks_are_sorted_by_least_time_left_and_coloured_and_overdue_ones_turn_red()
    {
        // A complaint whose intake is done: its mediation task has 10 days. A second complaint waits for intake (1 working day).
        var (firstCase, firstIntake) = await fixture.StartComplaintAsync();
        await fixture.Api.PostAsJsonAsync($"/api/tasks/{firstIntake}/complete", TaskCalls.IntakeForm).OkAsync();
        var mediation = await fixture.OpenTaskAsync(firstCase, "社区调解物业纠纷");
        var (_, intake) = await fixture.StartComplaintAsync();
        var officer = await fixture.AsAsync("community.hudong-1");

        var unit = await officer.ListAsync("unit");
        var ids = unit.Select(t => (string)t!["id"]!).ToList();
        Assert.True(ids.IndexOf(intake) < ids.IndexOf(mediation), "the task with less time left comes first");
        var intakeRow = unit.Single(t => (string)t!["id"]! == intake)!;
        var mediationRow = unit.Single(t => (string)t!["id"]! == mediation)!;
        Assert.Equal("yellow", (string)intakeRow["light"]!);
        Assert.Equal("green", (string)mediationRow["light"]!);
        Assert.StartsWith("剩余", (string)mediationRow["timeLeft"]!, StringComparison.Ordinal);
        Assert.Equal("P5 矛盾纠纷三级调处", (string)intakeRow["procedureName"]!);

        // Past the intake's due instant the overdue timer fires; the intake stays open (non-interrupting) and is red.
        await fixture.App.AdvanceAsync(fixture.Api, days: 4);
        var later = await officer.ListAsync("unit");
        var red = later.Single(t => (string)t!["id"]! == intake)!;
        Assert.Equal("red", (string)red["light"]!);
        Assert.Matches("^已超期[0-9]+天$", (string)red["timeLeft"]!);
        Assert.True((int)red["daysLeft"]! < 0);
    }

    [Fact]
    public async Task Filters_by_procedure_compound_and_status_and_tabs_follow_claims()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var officer = await fixture.AsAsync("community.hudong-1");

        Assert.Contains(await officer.ListAsync("unit", "&procedure=complaint-escalation&compoundId=hudong-mingyuan"), t => (string)t!["id"]! == taskId);
        Assert.DoesNotContain(await officer.ListAsync("unit", "&procedure=contract-filing"), t => (string)t!["id"]! == taskId);
        Assert.DoesNotContain(await officer.ListAsync("unit", "&compoundId=hudong-xinju"), t => (string)t!["id"]! == taskId);
        Assert.DoesNotContain(await officer.ListAsync("mine"), t => (string)t!["id"]! == taskId);

        await officer.PostAsync($"/api/tasks/{taskId}/claim").OkAsync();

        Assert.Contains(await officer.ListAsync("mine", "&status=Claimed"), t => (string)t!["id"]! == taskId);
        Assert.DoesNotContain(await officer.ListAsync("unit"), t => (string)t!["id"]! == taskId);
        await officer.PostAsync($"/api/tasks/{taskId}/complete", TaskCalls.IntakeForm).OkAsync();
        var done = await officer.ListAsync("done");
        Assert.Equal("已办结", (string)done.Single(t => (string)t!["id"]! == taskId)!["statusName"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.Client.GetAsync("/api/tasks?scope=everything")).StatusCode);
    }

    [Fact]
    public async Task The_task_shows_its_case_form_outcomes_and_history()
    {
        var (caseId, taskId) = await fixture.StartComplaintAsync();
        var officer = await fixture.AsAsync("community.hudong-1");

        var detail = await officer.TaskAsync(taskId);

        Assert.Equal(caseId, (string)detail["case"]!["caseId"]!);
        Assert.Equal("湖东名苑", (string?)detail["case"]!["compoundName"]);
        Assert.Equal("category", (string)detail["task"]!["formFields"]![0]!["name"]!);
        Assert.True((bool)detail["canAct"]!);
        Assert.Equal("task.open", (string)detail["history"]![0]!["action"]!);
        Assert.Equal("workflow", (string)detail["history"]![0]!["actor"]!);
    }
}

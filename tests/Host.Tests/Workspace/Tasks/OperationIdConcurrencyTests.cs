using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Tasks;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Tests.Workspace.Tasks;

/// <summary>
/// The probe's approvals of stale extension requests moved a due date back; a completion repeated under one key is done
/// once. (The notes and extension requests under concurrency run on both providers: <see cref="OperationIdsOnProviderTests"/>.)
/// </summary>
public sealed class OperationIdConcurrencyTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    private const int Concurrent = 30;

    [Fact]
    public async Task Approving_a_request_whose_date_is_not_after_the_due_date_is_refused_and_the_due_date_stays()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var community = await fixture.AsAsync("community.hudong-1");
        var street = await fixture.AsAsync("street.hudong");
        var first = await community.PostAsync($"/api/tasks/{taskId}/extensions",
            new JsonObject { ["reason"] = "材料未齐", ["proposedDueDate"] = "2026-10-20" }).OkAsync();
        await street.PostAsync($"/api/task-extensions/{first["id"]}/approve").OkAsync();
        // A request made before that approval (as the probe's three pending ones were), asking for less time.
        var stale = await AddPendingAsync(taskId, (string)first["id"]!, new DateOnly(2026, 10, 12));

        using var approve = await street.PostAsync($"/api/task-extensions/{stale}/approve");

        var body = await approve.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("批准不会延长期限", body, StringComparison.Ordinal);
        Assert.Equal("2026-10-20", (string)(await community.TaskAsync(taskId))["task"]!["dueDate"]!);
        Assert.Equal(TaskExtensionStatus.Pending, (await ExtensionsAsync(taskId)).Single(x => x.Id == stale).Status);
    }

    [Fact]
    public async Task Thirty_concurrent_completions_with_one_key_complete_once_and_answer_alike()
    {
        var (_, taskId) = await fixture.StartComplaintAsync();
        var community = await fixture.AsAsync("community.hudong-1");
        var key = Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ =>
            community.PostAsync($"/api/tasks/{taskId}/complete", TaskCalls.IntakeForm.DeepClone().AsObject(), key).OkAsync()));

        Assert.All(answers, a => Assert.Equal("Done", (string)a["status"]!));
        Assert.Single(answers.Select(a => (long)a["revision"]!).Distinct());
        Assert.Single(await fixture.AuditAsync(taskId), a => a.Action == "task.complete");
    }

    private async Task<List<TaskExtension>> ExtensionsAsync(string taskId)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await db.Set<TaskExtension>().AsNoTracking().Where(x => x.TaskId == taskId).ToListAsync();
    }

    private async Task<string> AddPendingAsync(string taskId, string like, DateOnly proposed)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var model = await db.Set<TaskExtension>().AsNoTracking().SingleAsync(x => x.Id == like);
        var stale = new TaskExtension
        {
            Id = Guid.NewGuid().ToString("N"), TaskId = taskId, CaseId = model.CaseId, TaskTitle = model.TaskTitle, UnitId = model.UnitId,
            UnitName = model.UnitName, SupervisorUnitId = model.SupervisorUnitId, SupervisorUnitName = model.SupervisorUnitName, Reason = "再核实",
            CurrentDueDate = model.CurrentDueDate, ProposedDueDate = proposed, Status = TaskExtensionStatus.Pending, RequestedBy = model.RequestedBy,
            RequestedAt = model.RequestedAt,
        };
        db.Add(stale);
        await db.SaveChangesAsync();
        return stale.Id;
    }
}

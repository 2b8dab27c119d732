using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary>The body of <c>POST /api/tasks/{id}/complete</c>; <c>revision</c> (optional) refuses a stale form.</summary>
public sealed record CompleteTaskRequest(string? Outcome, JsonObject? Form, string? Note, long? Revision);

/// <summary><c>/api/tasks</c>: complete a task. The officers' workspace adds sign-in, claiming and idempotency.</summary>
internal static class TaskEndpoints
{
    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        api.MapPost("/tasks/{taskId}/complete", CompleteAsync).WithSummary("办结任务（本单位） / Complete a task of the caller's unit").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        string taskId, CompleteTaskRequest? request, TaskCompletion completion, HttpContext http, WorkflowsDbContext db, UnitGuard guard,
        CancellationToken ct)
    {
        // Only the officers of the unit the task is addressed to act on it; for anyone else it does not exist.
        var unitId = await db.Set<OfficerTask>().AsNoTracking().Where(t => t.Id == taskId).Select(t => t.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is null || !await guard.CanActAsync("task", taskId, unitId, ct))
            return ApiResults.NotFound("taskId", $"任务“{taskId}”不存在。");
        request ??= new CompleteTaskRequest(null, null, null, null);
        var submission = new TaskSubmission(request.Outcome, request.Form, request.Note, http.User.Identity?.Name, request.Revision);
        var result = await completion.CompleteAsync(taskId, submission, ct);
        return result switch
        {
            TaskCompletion.Completed c => TypedResults.Ok(c.Task),
            TaskCompletion.NotFound => ApiResults.NotFound("taskId", $"任务“{taskId}”不存在。"),
            TaskCompletion.Invalid i => ApiResults.Invalid(i.Errors.ToDictionary()),
            TaskCompletion.Conflict c => ApiResults.Conflict(c.Message),
            TaskCompletion.Blocked b => ApiResults.Unprocessable(b.Message),
            _ => throw new InvalidOperationException($"Unexpected result {result}."),
        };
    }
}

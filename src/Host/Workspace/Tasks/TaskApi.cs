using System.Text.Json.Nodes;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Workspace.Listing;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>The body of <c>POST /api/tasks/{id}/complete</c>; <c>revision</c> refuses a stale form, <c>operationId</c> a repeated click.</summary>
public sealed record CompleteTaskRequest(string? Outcome, JsonObject? Form, string? Note, long? Revision, string? OperationId = null);

/// <summary>Claim or release: the revision the caller saw, and an optional operation id.</summary>
public sealed record TaskChangeRequest(long? Revision, string? OperationId = null);

public sealed record ReassignTaskRequest(string? UserName, long? Revision, string? OperationId = null);

/// <summary>A note, or with <c>reference</c> (a URL or document number) an attachment reference named by <c>text</c>.</summary>
public sealed record TaskNoteRequest(string? Text, string? Reference, string? OperationId = null);

public sealed record ExtensionRequest(string? Reason, string? ProposedDueDate, string? OperationId = null);

public sealed record ExtensionDecisionRequest(string? Note, long? Revision, string? OperationId = null);

/// <summary>
/// <c>/api/tasks</c>, the twins of the inbox and task pages. Every call is scoped to the caller
/// (<see cref="Officers.ICurrentOfficer"/>): another unit's ids answer 404 as if they did not exist.
/// </summary>
internal static class TaskApi
{
    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("任务 / Tasks").ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapGet("", async (string? scope, string? procedure, string? compoundId, string? status, int? page, int? pageSize, TaskQueries queries,
                CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (!TaskScopes.All.Contains(scope ?? TaskScopes.Mine)) errors["scope"] = [$"scope 应为 {string.Join("、", TaskScopes.All)} 之一。"];
                var request = PageRequest.Read(page, pageSize, errors);
                return errors.Count > 0 || request is not { } paging
                    ? ApiResults.Invalid(errors)
                    : Results.Ok(await queries.PageAsync(new TaskFilter(scope, procedure, compoundId, status), paging, ct));
            })
            .Produces<ListPage<TaskListItem>>().ProducesValidationProblem()
            .WithSummary("待办列表（分页），按剩余时间排序 / Inbox, one page: mine, my unit's unclaimed (unit), done, or the units below (below); sorted by least time left")
            .WithDescription("page 从 1 开始，pageSize 1–200（默认 50），最多翻到第 10000 条；totalCount 计到 10000 为止（totalIsCapped）。"
                             + " / page from 1, pageSize 1–200 (default 50), pages reach the first 10,000 rows; totalCount counts up to 10,000 (totalIsCapped).");
        tasks.MapGet("/{taskId}", async (string taskId, TaskQueries queries, CancellationToken ct) =>
                await queries.GetAsync(taskId, ct) is { } detail ? Results.Ok(detail) : NotFound(taskId))
            .Produces<TaskDetail>()
            .WithSummary("任务详情：案件摘要、表单、办理结果、历史 / A task with its case, form, outcomes, notes and history");
        tasks.MapPost("/{taskId}/claim", (string taskId, TaskChangeRequest? body, HttpContext http, TaskWork work, TaskOperations ops, CancellationToken ct) =>
                ops.RunAsync(TaskOperations.IdOf(http, body?.OperationId), taskId, "claim", () => work.ClaimAsync(taskId, body?.Revision, ct), r => Answer(r, taskId)))
            .Produces<TaskView>().WithSummary("认领任务 / Claim a task of my unit");
        tasks.MapPost("/{taskId}/release", (string taskId, TaskChangeRequest? body, HttpContext http, TaskWork work, TaskOperations ops, CancellationToken ct) =>
                ops.RunAsync(TaskOperations.IdOf(http, body?.OperationId), taskId, "release", () => work.ReleaseAsync(taskId, body?.Revision, ct), r => Answer(r, taskId)))
            .Produces<TaskView>().WithSummary("退回待认领 / Release a claimed task to the unit");
        tasks.MapPost("/{taskId}/reassign", (string taskId, ReassignTaskRequest body, HttpContext http, TaskWork work, TaskOperations ops, CancellationToken ct) =>
                ops.RunAsync(TaskOperations.IdOf(http, body.OperationId), taskId, "reassign",
                    () => work.ReassignAsync(taskId, body.UserName, body.Revision, ct), r => Answer(r, taskId)))
            .Produces<TaskView>().WithSummary("转派给本单位人员 / Reassign to a named officer of the same unit");
        tasks.MapPost("/{taskId}/complete", (string taskId, CompleteTaskRequest? body, HttpContext http, TaskFinishing finishing, TaskOperations ops,
                    CancellationToken ct) =>
                ops.RunAsync(TaskOperations.IdOf(http, body?.OperationId), taskId, "complete",
                    () => finishing.CompleteAsync(taskId, body?.Outcome, body?.Form, body?.Note, body?.Revision, ct), r => Answer(r, taskId)))
            .Produces<TaskView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("办结任务（本单位） / Complete a task of my unit: outcome, form, revision, operation id (Idempotency-Key)");
        tasks.MapPost("/{taskId}/notes", (string taskId, TaskNoteRequest body, HttpContext http, TaskWork work, TaskOperations ops, CancellationToken ct) =>
                ops.RunAsync(TaskOperations.IdOf(http, body.OperationId), taskId, "note", () => work.AddNoteAsync(taskId, body.Text, body.Reference, ct),
                    r => Answer(r, taskId)))
            .Produces<TaskNoteView>().WithSummary("添加备注或附件引用 / Add a note, or an attachment reference (name + URL or document number)");
        tasks.MapPost("/{taskId}/extensions", (string taskId, ExtensionRequest body, HttpContext http, ExtensionWork work, TaskOperations ops, CancellationToken ct) =>
                ops.RunAsync(TaskOperations.IdOf(http, body.OperationId), taskId, "extension",
                    () => work.RequestAsync(taskId, body.Reason, body.ProposedDueDate, ct), r => Answer(r, taskId)))
            .Produces<TaskExtensionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("申请延期（到期前，由上级单位审批） / Request an extension before the due date; the supervising unit decides");

        var extensions = api.MapGroup("/task-extensions").WithTags("任务 / Tasks").ProducesProblem(StatusCodes.Status404NotFound);
        extensions.MapGet("", async (bool? pending, TaskQueries queries, CancellationToken ct) => Results.Ok(await queries.ExtensionsAsync(pending ?? true, ct)))
            .Produces<IReadOnlyList<TaskExtensionView>>()
            .WithSummary("延期申请：本单位待审批的和本单位提出的 / Extension requests my unit decides or made");
        extensions.MapPost("/{extensionId}/approve", (string extensionId, ExtensionDecisionRequest? body, HttpContext http, ExtensionWork work,
                    TaskOperations ops, CancellationToken ct) =>
                ops.RunAsync(TaskOperations.IdOf(http, body?.OperationId), extensionId, "approve",
                    () => work.DecideAsync(extensionId, approve: true, body?.Note, body?.Revision, ct), r => Answer(r, extensionId)))
            .Produces<TaskExtensionView>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("批准延期：到期日、逾期计时和提醒随之顺延 / Approve: the due date, overdue timer and reminders move");
        extensions.MapPost("/{extensionId}/deny", (string extensionId, ExtensionDecisionRequest? body, HttpContext http, ExtensionWork work,
                    TaskOperations ops, CancellationToken ct) =>
                ops.RunAsync(TaskOperations.IdOf(http, body?.OperationId), extensionId, "deny",
                    () => work.DecideAsync(extensionId, approve: false, body?.Note, body?.Revision, ct), r => Answer(r, extensionId)))
            .Produces<TaskExtensionView>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("不批准延期 / Deny an extension request");
        return api;
    }

    private static IResult NotFound(string id) => ApiResults.NotFound("taskId", $"任务“{id}”不存在。");

    private static IResult Answer(TaskResult result, string id) => result switch
    {
        TaskResult.Done d => Results.Ok(d.Value),
        TaskResult.Invalid i => ApiResults.Invalid(i.Errors.ToDictionary()),
        TaskResult.Conflict c => ApiResults.Conflict(c.Message),
        TaskResult.Blocked b => ApiResults.Unprocessable(b.Message),
        _ => NotFound(id),
    };
}

using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Pages;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Tasks;

internal static class TaskPaths
{
    public const string Inbox = "/tasks";

    public static string Task(string id) => $"{Inbox}/{Uri.EscapeDataString(id)}";

    public static string Extension(string id) => $"/task-extensions/{Uri.EscapeDataString(id)}";
}

/// <summary>
/// The inbox and task pages and their form posts (antiforgery token required). Every post goes through the same
/// services as the API, so pages and API share one authorization rule; success redirects (a reload posts nothing).
/// </summary>
internal static class TaskPages
{
    public static IEndpointRouteBuilder MapTaskPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        pages.MapGet(TaskPaths.Inbox, async (HttpContext context, TaskQueries queries, CancellationToken ct) =>
            Page(await InboxPage.RenderAsync(context, queries, ct)));
        pages.MapGet(TaskPaths.Inbox + "/{taskId}", (string taskId, HttpContext context, TaskQueries queries, ICurrentOfficer me, CancellationToken ct) =>
            ShowAsync(taskId, context, queries, me, Notice(context), null, null, StatusCodes.Status200OK, ct));
        pages.MapPost(TaskPaths.Inbox + "/{taskId}/claim", (string taskId, HttpContext context, TaskWork work, CancellationToken ct) =>
            PostAsync(taskId, context, "claimed", form => work.ClaimAsync(taskId, Revision(form), ct), ct)).RequireAntiforgeryToken();
        pages.MapPost(TaskPaths.Inbox + "/{taskId}/release", (string taskId, HttpContext context, TaskWork work, CancellationToken ct) =>
            PostAsync(taskId, context, "released", form => work.ReleaseAsync(taskId, Revision(form), ct), ct)).RequireAntiforgeryToken();
        pages.MapPost(TaskPaths.Inbox + "/{taskId}/reassign", (string taskId, HttpContext context, TaskWork work, CancellationToken ct) =>
            PostAsync(taskId, context, "reassigned", form => work.ReassignAsync(taskId, form["userName"], Revision(form), ct), ct)).RequireAntiforgeryToken();
        pages.MapPost(TaskPaths.Inbox + "/{taskId}/notes", (string taskId, HttpContext context, TaskWork work, CancellationToken ct) =>
            PostAsync(taskId, context, "noted", form => work.AddNoteAsync(taskId, form["text"], form["reference"], ct), ct)).RequireAntiforgeryToken();
        pages.MapPost(TaskPaths.Inbox + "/{taskId}/extension", (string taskId, HttpContext context, ExtensionWork work, CancellationToken ct) =>
            PostAsync(taskId, context, "extension", form => work.RequestAsync(taskId, form["reason"], form["proposedDueDate"], ct), ct)).RequireAntiforgeryToken();
        pages.MapPost(TaskPaths.Inbox + "/{taskId}/complete", (string taskId, HttpContext context, TaskFinishing finishing, TaskOperations ops, CancellationToken ct) =>
            PostAsync(taskId, context, "completed", form => finishing.CompleteAsync(taskId, Blank(form["outcome"]), FormOf(form), Blank(form["note"]), Revision(form), ct),
                ct, ops)).RequireAntiforgeryToken();
        pages.MapPost("/task-extensions/{extensionId}", DecideAsync).RequireAntiforgeryToken();
        return app;
    }

    private static async Task<IResult> ShowAsync(string taskId, HttpContext context, TaskQueries queries, ICurrentOfficer me, string? notice,
        IReadOnlyDictionary<string, string[]>? errors, IFormCollection? posted, int status, CancellationToken ct)
    {
        if (await queries.GetAsync(taskId, ct) is not { } detail)
        {
            var text = TaskText.For(AdminLanguage.Resolve(context));
            return Page(PageFrame.Render(text.Task, AdminLanguage.Resolve(context), context,
                $"<p class=\"error\">{E(text.IsChinese ? $"任务“{taskId}”不存在。" : $"Task {taskId} does not exist.")}</p><p><a href=\"{TaskPaths.Inbox}\">{E(text.Back)}</a></p>"),
                StatusCodes.Status404NotFound);
        }
        var toDecide = new List<TaskExtensionView>();
        foreach (var x in detail.Extensions)
            if (await me.CanActForAsync(x.Supervisor.Id, ct)) toDecide.Add(x);
        return Page(TaskPage.Render(context, detail, toDecide, notice, errors, posted), status);
    }

    private static async Task<IResult> PostAsync(string taskId, HttpContext context, string done, Func<IFormCollection, Task<TaskResult>> action,
        CancellationToken ct, TaskOperations? ops = null)
    {
        var form = await context.Request.ReadFormAsync(ct);
        TaskResult? result = null;
        if (ops is null)
        {
            result = await action(form);
            return await AfterAsync(taskId, context, done, result, form, ct);
        }
        // Completing carries the operation id the page rendered: a second submit of the same form gets the first answer.
        var answer = await ops.RunAsync(TaskOperations.IdOf(context, form["operationId"]), taskId, "complete", async () => result = await action(form),
            r => Results.Empty);
        return result is null
            ? answer is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK }
                ? TypedResults.Redirect($"{TaskPaths.Task(taskId)}?done={done}")
                : await AfterAsync(taskId, context, done, new TaskResult.Conflict("该表单已提交过，请刷新页面查看结果。"), form, ct)
            : await AfterAsync(taskId, context, done, result, form, ct);
    }

    private static async Task<IResult> AfterAsync(string taskId, HttpContext context, string done, TaskResult result, IFormCollection form, CancellationToken ct)
    {
        if (result is TaskResult.Done) return TypedResults.Redirect($"{TaskPaths.Task(taskId)}?done={done}");
        var (errors, status) = result switch
        {
            TaskResult.Invalid i => (i.Errors, StatusCodes.Status400BadRequest),
            TaskResult.Conflict c => (new Dictionary<string, string[]> { [""] = [c.Message] }, StatusCodes.Status409Conflict),
            TaskResult.Blocked b => (new Dictionary<string, string[]> { [""] = [b.Message] }, StatusCodes.Status422UnprocessableEntity),
            _ => ((IReadOnlyDictionary<string, string[]>)new Dictionary<string, string[]>(), StatusCodes.Status404NotFound),
        };
        var services = context.RequestServices;
        return await ShowAsync(taskId, context, services.GetRequiredService<TaskQueries>(), services.GetRequiredService<ICurrentOfficer>(), null,
            errors, form, status, ct);
    }

    private static async Task<IResult> DecideAsync(string extensionId, HttpContext context, ExtensionWork work, Persistence.WorkflowsDbContext db, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var approve = form["decision"] == "approve";
        var result = await work.DecideAsync(extensionId, approve, Blank(form["note"]), Revision(form), ct);
        var taskId = result is TaskResult.Done { Value: TaskExtensionView x } ? x.TaskId
            : db.Set<TaskExtension>().Where(e => e.Id == extensionId).Select(e => e.TaskId).FirstOrDefault();
        if (taskId is null) return TypedResults.Redirect(TaskPaths.Inbox);
        return await AfterAsync(taskId, context, approve ? "approved" : "denied", result, form, ct);
    }

    private static string? Notice(HttpContext context)
    {
        var chinese = TaskText.For(AdminLanguage.Resolve(context)).IsChinese;
        return context.Request.Query["done"].ToString() switch
        {
            "claimed" => chinese ? "已认领。" : "Claimed.",
            "released" => chinese ? "已退回本单位待认领。" : "Released to the unit.",
            "reassigned" => chinese ? "已转派。" : "Reassigned.",
            "noted" => chinese ? "已添加。" : "Added.",
            "extension" => chinese ? "延期申请已提交上级单位审批。" : "The extension request was sent to the supervising unit.",
            "completed" => chinese ? "已办结，案件已转入下一步。" : "Completed; the case has moved on.",
            "approved" => chinese ? "已批准延期，到期日已顺延。" : "Extension approved; the due date has moved.",
            "denied" => chinese ? "已不批准延期。" : "Extension denied.",
            _ => null,
        };
    }

    private static long? Revision(IFormCollection form) =>
        long.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;

    private static string? Blank(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();

    /// <summary>The activity's fields, posted as <c>form.&lt;name&gt;</c>; empty ones are left out (required ones are then refused by name).</summary>
    private static JsonObject FormOf(IFormCollection form)
    {
        var result = new JsonObject();
        foreach (var (key, value) in form)
            if (key.StartsWith("form.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(value))
                result[key["form.".Length..]] = value.ToString().Trim();
        return result;
    }
}

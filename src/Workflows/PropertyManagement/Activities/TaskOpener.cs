using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Directory;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Activities;

/// <summary>
/// Opens an officer task: the row (as an effect saved with the run), the bookmark that completing it resumes,
/// and a timer bookmark at the instant its period ends.
/// </summary>
internal static class TaskOpener
{
    public const string TaskIdKey = "taskId";

    public static async Task<OfficerTask> OpenAsync(ActivityExecutionContext context, TaskRequest request, DeadlineResolver deadlines)
    {
        var @case = CaseContext.Of(context);
        var profile = await LoadCompoundAsync(context, @case);
        var unit = profile.UnitFor(request.Role);
        var (deadline, unresolved) = ResolveOrExplain(request.Deadline, deadlines, context.Now);
        var taskId = Ids.New();
        var main = context.CreateBookmark(PmActivities.MainBookmark, new JsonObject { [TaskIdKey] = taskId });
        if (deadline is not null)
        {
            context.CreateBookmark(PmActivities.OverdueBookmark,
                new JsonObject { [TaskIdKey] = taskId, ["dueAt"] = deadline.DueAt.ToString("O", CultureInfo.InvariantCulture) },
                resumeAt: deadline.DueAt);
        }
        var task = new OfficerTask(taskId, @case.CaseId, @case.WorkflowInstanceId, main.Id, request.ActivityType,
            request.Title, request.Role, unit.Id, unit.Name, context.Now)
        {
            Instructions = request.Instructions,
            CompoundId = @case.CompoundId,
            EscalatedFrom = request.EscalatedFrom,
            Period = deadline?.Period,
            CountedFrom = deadline?.CountedFrom,
            DueDate = deadline?.DueDate,
            DueAt = deadline?.DueAt,
            DueExplanation = deadline is null ? unresolved : string.Join("；", deadline.Explanation),
            PendingDeadline = unresolved is null ? null : new PendingDeadline(request.Deadline, [.. request.ReminderDays]),
            ReminderDays = deadline is null ? [] : [.. request.ReminderDays],
            Outcomes = [.. request.Outcomes],
            FormFields = [.. request.Fields],
        };
        context.AddEffect(new TaskOpened(task));
        context.SetOutput("TaskId", taskId);
        context.Journal("TaskOpened",
            $"{unit.Name}：{request.Title}" + (deadline is null ? "（无期限）" : $"，{deadline.Period}，{deadline.DueDateText} 到期"),
            new JsonObject { [TaskIdKey] = taskId, ["unitId"] = unit.Id, ["dueDate"] = deadline?.DueDateText });
        if (unresolved is not null)
            context.Journal("DeadlineUnresolved", $"{request.Title}：{unresolved}", new JsonObject { [TaskIdKey] = taskId });
        return task;
    }

    /// <summary>
    /// A period that reaches a year without holiday data leaves the task open with its due date unresolved (the
    /// officer can still work it) and says which year the admin must add, instead of faulting the whole case.
    /// </summary>
    private static (Deadline? Deadline, string? Unresolved) ResolveOrExplain(DeadlineRequest request, DeadlineResolver deadlines, DateTimeOffset now)
    {
        try
        {
            return (deadlines.Resolve(request, now), null);
        }
        catch (DeadlineException ex) when (ex.InnerException is CalendarYearNotCoveredException)
        {
            return (null, "期限未能计算：" + ex.Detail);
        }
    }

    public static async Task<CompoundProfile> LoadCompoundAsync(ActivityExecutionContext context, CaseContext @case)
    {
        var directory = context.Services.GetRequiredService<IPropertyDirectory>();
        return await directory.FindCompoundAsync(@case.CompoundId)
               ?? throw new InvalidOperationException($"小区 {@case.CompoundId} 不存在。");
    }

    public static bool IsOverdueResume(ActivityExecutionContext context) =>
        context.ResumedBookmark?.Name == PmActivities.OverdueBookmark;

    public static string ResumedTaskId(ActivityExecutionContext context) =>
        context.ResumedBookmark?.Payload?[TaskIdKey]?.GetValue<string>()
        ?? throw new InvalidOperationException("The resumed bookmark carries no task id.");

    /// <summary>The overdue timer fired: record it; stay open (non-interrupting) or close and leave by Overdue.</summary>
    public static void HandleOverdue(ActivityExecutionContext context, bool closeWhenOverdue)
    {
        var taskId = ResumedTaskId(context);
        context.AddEffect(new TaskOverdue(taskId, context.Now));
        if (closeWhenOverdue)
        {
            context.AddEffect(new TaskCancelled(taskId, "逾期未办结，已按流程转交下一步", context.Now));
            context.Journal("TaskOverdue", "任务逾期，已关闭并转交下一步", new JsonObject { [TaskIdKey] = taskId });
            context.Complete(PmActivities.Overdue);
        }
        else
        {
            context.Journal("TaskOverdue", "任务逾期，仍待办理", new JsonObject { [TaskIdKey] = taskId });
            context.FireOutcome(PmActivities.Overdue);
        }
    }

    /// <summary>What the officer submitted: <c>{outcome, form, by, note}</c>.</summary>
    public static (string? Outcome, JsonObject Form, string? By, string? Note) ReadSubmission(ActivityExecutionContext context)
    {
        var input = context.ResumeInput as JsonObject ?? [];
        return (Str(input["outcome"]), input["form"] as JsonObject ?? [], Str(input["by"]), Str(input["note"]));
    }

    public static string Today(ActivityExecutionContext context) =>
        ChinaTime.ToLocalDate(context.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}

using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Activities;

/// <summary>
/// An activity that waits for an officer: opens a task, then leaves by the chosen outcome (or <c>Done</c>) when the
/// task is completed. When the period ends first, <c>Overdue</c> fires and the task stays open, unless
/// <c>CloseWhenOverdue</c> is set: then the task is cancelled and the activity leaves by <c>Overdue</c> alone.
/// </summary>
internal abstract class TaskActivityBase(DeadlineResolver deadlines) : IActivity, IValidatesInputs
{
    public IEnumerable<InputProblem> ValidateInputs(IActivityInputs inputs) =>
        InputChecks.Check(inputs, Descriptor);

    public abstract ActivityDescriptor Descriptor { get; }

    protected abstract TaskRequest BuildRequest(ActivityExecutionContext context);

    public async ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        await TaskOpener.OpenAsync(context, BuildRequest(context), deadlines);

    public ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        if (TaskOpener.IsOverdueResume(context))
        {
            TaskOpener.HandleOverdue(context, InputReader.Flag(context, "CloseWhenOverdue"));
            return ValueTask.CompletedTask;
        }
        var taskId = TaskOpener.ResumedTaskId(context);
        var (outcome, form, by, note) = TaskOpener.ReadSubmission(context);
        var outcomes = InputReader.Outcomes(context);
        string port;
        if (outcomes.Count > 0)
        {
            // The tasks API checks the outcome before resuming; this guards other callers.
            if (outcome is null || !outcomes.Contains(outcome))
                throw new InvalidOperationException($"outcome: 办理结果应为 {string.Join("、", outcomes)} 之一，收到“{outcome}”。");
            port = outcome;
        }
        else
        {
            port = PmActivities.Done;
        }
        context.AddEffect(new TaskCompleted(taskId, outcome, form.ToJsonString(), by, note, context.Now));
        context.SetOutput("Outcome", outcome ?? PmActivities.Done);
        context.SetOutput("Form", form);
        context.SetOutput("CompletedOn", TaskOpener.Today(context));
        context.Journal("TaskCompleted", outcome is null ? "任务已办结" : $"任务已办结：{outcome}",
            new JsonObject { [TaskOpener.TaskIdKey] = taskId, ["outcome"] = outcome, ["by"] = by });
        context.Complete(port);
        return ValueTask.CompletedTask;
    }

    public IEnumerable<string> PossibleOutcomes(JsonObject activityJson) =>
        DynamicOutcomes.Configured(activityJson).Concat([PmActivities.Done, PmActivities.Overdue]).Distinct();

    protected static readonly IReadOnlyList<OutputDescriptor> TaskOutputs =
    [
        new() { Name = "TaskId", TypeName = "String", DisplayName = "任务编号" },
        new() { Name = "Outcome", TypeName = "String", DisplayName = "办理结果" },
        new() { Name = "Form", TypeName = "Object", DisplayName = "办结表单" },
        new() { Name = "CompletedOn", TypeName = "String", DisplayName = "办结日期" },
    ];

    protected static readonly IReadOnlyList<PortDescriptor> TaskPorts =
    [
        new(PmActivities.Done, "办结"),
        new(PmActivities.Overdue, "逾期"),
    ];
}

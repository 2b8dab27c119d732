using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;
using Workflows.PropertyManagement.Votes;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Activities;

/// <summary>
/// <c>Pm.OwnersVote</c> 业主表决: an officer records the owners' vote (participation and approval by area and
/// headcount); the result is checked against Civil Code art. 278 and the activity leaves by <c>Passed</c> or
/// <c>Failed</c>, the failing thresholds named in Chinese.
/// </summary>
internal sealed class OwnersVoteActivity(DeadlineResolver deadlines) : IActivity, IValidatesInputs
{
    public IEnumerable<InputProblem> ValidateInputs(IActivityInputs inputs) =>
        InputChecks.Check(inputs, Descriptor);

    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = PmActivities.OwnersVote, Name = "OwnersVote", Namespace = PmActivities.Namespace, Category = PmActivities.Category,
        DisplayName = "业主表决", Kind = ActivityKind.Task,
        Description = "录入业主大会表决结果（参与和同意的专有部分面积与人数），按《民法典》第二百七十八条判定："
                      + "参与表决须面积和人数均达三分之二以上；一般事项须过半数同意，筹集维修资金、改建重建、改变共有部分用途须四分之三以上同意。",
        Ports =
        [
            new(PmActivities.Passed, "通过"),
            new(PmActivities.Failed, "未通过"),
            new(PmActivities.Overdue, "逾期"),
        ],
        Inputs =
        [
            Inputs.Text("Subject", "表决事项", "例如：通过管理规约和议事规则，选举业主委员会。", 0, required: true),
            new InputDescriptor
            {
                Name = "Matter", TypeName = "String", DisplayName = "事项类别", Order = 1, UiHint = UiHints.Dropdown,
                Description = "决定同意比例：一般事项过半数，重大事项四分之三以上（《民法典》第二百七十八条）。",
                DefaultValue = JsonValue.Create(nameof(VoteMatter.Ordinary)),
                UiSpecifications = UiHints.DropdownItems(("一般事项（过半数）", nameof(VoteMatter.Ordinary)),
                    ("重大事项：筹集维修资金、改建重建、改变共有部分用途（四分之三以上）", nameof(VoteMatter.Major))),
            },
            Inputs.Office("Role", "录入单位", Actor.StreetOffice, "列席会议并录入表决结果的单位。", 2),
            .. Inputs.Deadline(0, PeriodUnit.Days, 10, withOfficeFiling: false),
            Inputs.CloseWhenOverdue(20, "勾选后，到期仍未表决即关闭本步骤并走“逾期”出口（例如重新组建筹备组）。"),
        ],
        Outputs =
        [
            new() { Name = "TaskId", TypeName = "String", DisplayName = "任务编号" },
            new() { Name = "Passed", TypeName = "Boolean", DisplayName = "是否通过" },
            new() { Name = "Result", TypeName = "String", DisplayName = "表决结果" },
            new() { Name = "DecidedOn", TypeName = "String", DisplayName = "表决日期" },
        ],
    };

    public async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var subject = InputReader.RequiredText(context, "Subject", "表决事项");
        var matter = Matter(context);
        var profile = await TaskOpener.LoadCompoundAsync(context, CaseContext.Of(context));
        var request = new TaskRequest(
            PmActivities.OwnersVote,
            $"录入业主表决结果：{subject}",
            $"{matter.ChineseName()}。按《民法典》第二百七十八条判定。",
            InputReader.Office(context, "Role", Actor.StreetOffice),
            [],
            VoteForm.Fields(profile.Compound.FloorArea, profile.Compound.Households),
            InputReader.Deadline(context, officeFiling: false),
            DeadlineResolver.ParseReminderDays(InputReader.Text(context, "Reminders")));
        await TaskOpener.OpenAsync(context, request, deadlines);
    }

    public async ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        if (TaskOpener.IsOverdueResume(context))
        {
            TaskOpener.HandleOverdue(context, InputReader.Flag(context, "CloseWhenOverdue"));
            return;
        }
        var taskId = TaskOpener.ResumedTaskId(context);
        var @case = CaseContext.Of(context);
        var profile = await TaskOpener.LoadCompoundAsync(context, @case);
        var (_, form, by, note) = TaskOpener.ReadSubmission(context);
        var (tally, decidedOn, errors) = VoteForm.Read(form, VoteForm.Fields(profile.Compound.FloorArea, profile.Compound.Households));
        if (tally is null)
            throw new InvalidOperationException("form: " + string.Join("；", errors.Select(e => $"{e.Key} {string.Join("", e.Value)}")));
        var matter = Matter(context);
        var result = VoteRule.Check(matter, tally);
        var subject = InputReader.RequiredText(context, "Subject", "表决事项");
        var vote = new VoteRecord(Ids.New(), @case.CaseId, subject, matter, tally, result, decidedOn!.Value, context.Now)
        {
            CompoundId = @case.CompoundId,
            TaskId = taskId,
            WorkflowInstanceId = @case.WorkflowInstanceId,
        };
        var port = result.Passed ? PmActivities.Passed : PmActivities.Failed;
        context.AddEffect(new TaskCompleted(taskId, port, form.ToJsonString(), by, note ?? result.Summary, context.Now));
        context.AddEffect(new VoteRecorded(vote));
        var decided = decidedOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.SetOutput("Passed", result.Passed);
        context.SetOutput("Result", result.Summary);
        context.SetOutput("DecidedOn", decided);
        context.Journal("VoteRecorded", $"{subject}：{result.Summary}",
            new JsonObject { [TaskOpener.TaskIdKey] = taskId, ["passed"] = result.Passed, ["decidedOn"] = decided });
        context.Complete(port);
    }

    private static VoteMatter Matter(ActivityExecutionContext context)
    {
        var text = InputReader.Text(context, "Matter") ?? nameof(VoteMatter.Ordinary);
        return Enum.TryParse<VoteMatter>(text, ignoreCase: true, out var matter) && Enum.IsDefined(matter)
            ? matter
            : throw new InvalidOperationException($"Matter: 未知的事项类别“{text}”。");
    }
}

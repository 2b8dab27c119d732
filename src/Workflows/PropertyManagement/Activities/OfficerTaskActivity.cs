using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Activities;

/// <summary><c>Pm.OfficerTask</c> 办理任务: a step an office must do by a legal or local deadline.</summary>
internal sealed class OfficerTaskActivity(DeadlineResolver deadlines) : TaskActivityBase(deadlines)
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = PmActivities.OfficerTask, Name = "OfficerTask", Namespace = PmActivities.Namespace, Category = PmActivities.Category,
        DisplayName = "办理任务", Kind = ActivityKind.Task,
        Description = "向社区、街道办、区住建局或区领导小组的官员派发一项办理任务，按法定或本地期限计算到期日；"
                      + "官员办结后按所选结果继续；到期未办结时触发“逾期”出口（任务仍保持待办，除非勾选“逾期即转交”）。",
        Ports = TaskPorts,
        Inputs =
        [
            Inputs.Text("Title", "任务名称", "官员待办列表中显示的名称，可用 Liquid。", 0, required: true),
            Inputs.Office("Role", "办理单位（层级）", Actor.StreetOffice, "由本案小区所属的社区、街道办或区级部门办理。", 1),
            Inputs.Text("Instructions", "办理说明", "办理要求与法律依据。", 2, uiHint: UiHints.MultiLine),
            Inputs.Outcomes(3),
            Inputs.FormFields(4),
            .. Inputs.Deadline(0, PeriodUnit.Days, 10, withOfficeFiling: false),
            Inputs.CloseWhenOverdue(20, "勾选后，到期未办结即关闭本任务并走“逾期”出口（例如逐级上报）；不勾选则任务保持待办，同时走“逾期”出口（催办、督办）。"),
        ],
        Outputs = TaskOutputs,
    };

    protected override TaskRequest BuildRequest(ActivityExecutionContext context) => new(
        PmActivities.OfficerTask,
        InputReader.RequiredText(context, "Title", "任务名称"),
        InputReader.Text(context, "Instructions"),
        InputReader.Office(context, "Role", Actor.StreetOffice),
        InputReader.Outcomes(context),
        InputReader.FormFields(context),
        InputReader.Deadline(context, officeFiling: false),
        DeadlineResolver.ParseReminderDays(InputReader.Text(context, "Reminders")));
}

using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Activities;

/// <summary>
/// <c>Pm.Escalate</c> 逐级上报: moves the matter one level up (Community → StreetOffice → DistrictHousingBureau →
/// DistrictLeadingGroup; seed 001 item 8) and opens a task there.
/// </summary>
internal sealed class EscalateActivity(DeadlineResolver deadlines) : TaskActivityBase(deadlines)
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = PmActivities.Escalate, Name = "Escalate", Namespace = PmActivities.Namespace, Category = PmActivities.Category,
        DisplayName = "逐级上报", Kind = ActivityKind.Task,
        Description = "把事项从本级上报到上一级（社区→街道办→区住建局→区领导小组，《浉河区实施细则》第8条），并在上一级派发办理任务。",
        Ports = TaskPorts,
        Inputs =
        [
            Inputs.Office("From", "上报单位", Actor.Community, "事项当前所在的层级。", 0),
            Inputs.Office("To", "接收单位", Actor.StreetOffice, "留空为上一级；也可直接指定（例如区领导小组）。", 1, allowNone: true),
            Inputs.Text("Title", "任务名称", "上一级官员待办列表中显示的名称，可用 Liquid。", 2, required: true),
            Inputs.Text("Reason", "上报原因", "例如：超出社区调解能力、逾期未办结。", 3),
            Inputs.Text("Instructions", "办理说明", null, 4, uiHint: UiHints.MultiLine),
            Inputs.Outcomes(5),
            Inputs.FormFields(6),
            .. Inputs.Deadline(15, PeriodUnit.Days, 10, withOfficeFiling: false),
            Inputs.CloseWhenOverdue(20, "勾选后，上一级到期未办结即关闭任务并走“逾期”出口（再上报）。"),
        ],
        Outputs = TaskOutputs,
    };

    protected override TaskRequest BuildRequest(ActivityExecutionContext context)
    {
        var from = InputReader.Office(context, "From", Actor.Community);
        var to = InputReader.OptionalActor(context, "To") ?? from.NextLevel()
                 ?? throw new InvalidOperationException($"To: {from.ChineseName()}已是最高一级，无法再上报。");
        if (!to.IsOffice())
            throw new InvalidOperationException($"To: 接收单位必须是政府层级，不能是“{to.ChineseName()}”。");
        var reason = InputReader.Text(context, "Reason");
        context.Journal("Escalated", $"{from.ChineseName()} → {to.ChineseName()}" + (reason is null ? "" : $"：{reason}"),
            new JsonObject { ["from"] = from.ToString(), ["to"] = to.ToString(), ["reason"] = reason });
        var instructions = InputReader.Text(context, "Instructions");
        if (reason is not null) instructions = $"上报原因：{reason}" + (instructions is null ? "" : "\n" + instructions);
        return new TaskRequest(
            PmActivities.Escalate,
            InputReader.RequiredText(context, "Title", "任务名称"),
            instructions,
            to,
            InputReader.Outcomes(context),
            InputReader.FormFields(context),
            InputReader.Deadline(context, officeFiling: false),
            DeadlineResolver.ParseReminderDays(InputReader.Text(context, "Reminders")),
            EscalatedFrom: from);
    }
}

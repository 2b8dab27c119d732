using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Activities;

/// <summary>
/// <c>Pm.FilingWindow</c> 备案时限: opens a row in the filings ledger with its due date and waits until the filing
/// is recorded (→ <c>Filed</c> or <c>FiledLate</c>). When the period ends unrecorded, <c>Overdue</c> fires and the
/// window stays open: a late filing can still be recorded (→ <c>FiledLate</c>).
/// </summary>
internal sealed class FilingWindowActivity(DeadlineResolver deadlines) : IActivity, IValidatesInputs
{
    public IEnumerable<InputProblem> ValidateInputs(IActivityInputs inputs) =>
        InputChecks.Check(inputs, Descriptor, periodRequired: true);

    private const string FilingIdKey = "filingId";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = PmActivities.FilingWindow, Name = "FilingWindow", Namespace = PmActivities.Namespace, Category = PmActivities.Category,
        DisplayName = "备案时限", Kind = ActivityKind.Task,
        Description = "在备案台账中登记一项法定备案（谁向哪个机关、自何日起算、何日到期），等待登记备案结果：按期走“按期备案”，"
                      + "逾期后补办走“逾期备案”；到期未备案时触发“已逾期”出口（仍可补办）。",
        Ports =
        [
            new(PmActivities.Filed, "按期备案"),
            new(PmActivities.FiledLate, "逾期备案"),
            new(PmActivities.Overdue, "已逾期"),
        ],
        Inputs =
        [
            new InputDescriptor
            {
                Name = "FilingType", TypeName = "String", DisplayName = "备案事项", Order = 0, IsRequired = true, UiHint = UiHints.Dropdown,
                DefaultValue = JsonValue.Create(nameof(FilingType.ServiceContract)),
                UiSpecifications = UiHints.DropdownItems([.. Enum.GetValues<FilingType>().Select(t => (t.ChineseName(), t.ToString()))]),
            },
            Inputs.Text("Title", "名称", "台账中显示的名称；留空为备案事项名称。", 1),
            Inputs.AnyActor("ResponsibleParty", "备案义务人", Actor.PropertyCompany, "负责办理备案的一方。", 2),
            Inputs.Text("ResponsibleName", "义务人名称", "留空：按本案小区登记的企业、业委会或单位；可用 JavaScript，例如 getVariable('contract').companyName。", 3),
            Inputs.Office("Authority", "备案机关", Actor.DistrictHousingBureau, "受理备案的机关。", 4),
            Inputs.AnyActor("CopyTo", "同时报送", Actor.StreetOffice, "同时报送（抄送）的单位，可留空。", 5, Actors.Offices, allowNone: true),
            .. Inputs.Deadline(15, PeriodUnit.Days, 10, withOfficeFiling: true),
        ],
        Outputs =
        [
            new() { Name = "FilingId", TypeName = "String", DisplayName = "备案编号" },
            new() { Name = "DueDate", TypeName = "String", DisplayName = "到期日" },
            new() { Name = "FiledOn", TypeName = "String", DisplayName = "备案日期" },
        ],
    };

    public async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = CaseContext.Of(context);
        var profile = await TaskOpener.LoadCompoundAsync(context, @case);
        var typeText = InputReader.RequiredText(context, "FilingType", "备案事项");
        if (!Enum.TryParse<FilingType>(typeText, ignoreCase: true, out var type) || !Enum.IsDefined(type))
            throw new InvalidOperationException($"FilingType: 未知的备案事项“{typeText}”。");
        var responsible = InputReader.Actor(context, "ResponsibleParty", Actor.PropertyCompany);
        var authority = InputReader.Office(context, "Authority", Actor.DistrictHousingBureau);
        var copyTo = InputReader.OptionalActor(context, "CopyTo");
        var party = Parties.Resolve(responsible, context, profile);
        var name = InputReader.Text(context, "ResponsibleName") ?? party?.Name ?? responsible.ChineseName();
        var request = InputReader.Deadline(context, officeFiling: InputReader.Flag(context, "AtOffice"));
        var deadline = deadlines.Resolve(request, context.Now)
                       ?? throw new InvalidOperationException("Period: 备案时限必须设定期限和起算日。");

        var filingId = Ids.New();
        var main = context.CreateBookmark(PmActivities.MainBookmark,
            new JsonObject { [FilingIdKey] = filingId, ["dueDate"] = deadline.DueDateText });
        context.CreateBookmark(PmActivities.OverdueBookmark,
            new JsonObject { [FilingIdKey] = filingId, ["dueAt"] = deadline.DueAt.ToString("O", CultureInfo.InvariantCulture) },
            resumeAt: deadline.DueAt);
        var authorityUnit = profile.UnitFor(authority);
        var filing = new Filing(filingId, @case.CaseId, @case.WorkflowInstanceId, main.Id, type, responsible, name,
            authority, authorityUnit.Id, deadline.CountedFrom, deadline.DueDate, deadline.DueAt, context.Now)
        {
            CompoundId = @case.CompoundId,
            Title = InputReader.Text(context, "Title") ?? type.ChineseName(),
            ResponsibleEmail = party?.Email,
            ResponsibleMobile = party?.Mobile,
            CopyTo = copyTo,
            Period = deadline.Period,
            DueExplanation = string.Join("；", deadline.Explanation),
            ReminderDays = [.. DeadlineResolver.ParseReminderDays(InputReader.Text(context, "Reminders"))],
        };
        context.AddEffect(new FilingOpened(filing));
        context.SetOutput("FilingId", filingId);
        context.SetOutput("DueDate", deadline.DueDateText);
        context.Journal("FilingOpened", $"{name}应于 {deadline.DueDateText} 前向{authorityUnit.Name}办理{filing.Title}（{deadline.Period}）",
            new JsonObject { [FilingIdKey] = filingId, ["dueDate"] = deadline.DueDateText });
    }

    public ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        var payload = context.ResumedBookmark?.Payload ?? [];
        var filingId = payload[FilingIdKey]?.GetValue<string>() ?? throw new InvalidOperationException("The resumed bookmark carries no filing id.");
        if (context.ResumedBookmark?.Name == PmActivities.OverdueBookmark)
        {
            context.AddEffect(new FilingOverdue(filingId, context.Now));
            context.Journal("FilingOverdue", "备案期限已届满，尚未备案", new JsonObject { [FilingIdKey] = filingId });
            context.FireOutcome(PmActivities.Overdue);
            return ValueTask.CompletedTask;
        }

        var input = context.ResumeInput as JsonObject ?? [];
        var filedOn = DeadlineResolver.ParseDate(input["filedOn"]?.ToString(), "filedOn") ?? ChinaTime.ToLocalDate(context.Now);
        var dueDate = DateOnly.ParseExact(payload["dueDate"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var receipt = input["receiptNumber"]?.ToString();
        var by = input["by"]?.ToString();
        context.AddEffect(new FilingRecorded(filingId, filedOn, receipt, by, context.Now));
        var onTime = Filing.IsOnTime(filedOn, dueDate);
        var filedText = filedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.SetOutput("FiledOn", filedText);
        context.Journal("FilingRecorded", onTime ? $"已于 {filedText} 按期备案" : $"已于 {filedText} 逾期备案",
            new JsonObject { [FilingIdKey] = filingId, ["filedOn"] = filedText, ["receiptNumber"] = receipt });
        context.Complete(onTime ? PmActivities.Filed : PmActivities.FiledLate);
        return ValueTask.CompletedTask;
    }
}

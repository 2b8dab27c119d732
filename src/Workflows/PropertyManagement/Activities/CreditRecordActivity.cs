using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Credit;
using Workflows.PropertyManagement.Directory;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Activities;

/// <summary>
/// <c>Pm.CreditRecord</c> 信用记录: adds a bad record to the case company's credit file (seed 001 items 13 and 18;
/// HN2017 art. 83).
/// </summary>
internal sealed class CreditRecordActivity : IActivity, IValidatesInputs
{
    public IEnumerable<InputProblem> ValidateInputs(IActivityInputs inputs) =>
        InputChecks.Check(inputs, Descriptor);

    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = PmActivities.CreditRecord, Name = "CreditRecord", Namespace = PmActivities.Namespace, Category = PmActivities.Category,
        DisplayName = "信用记录", Kind = ActivityKind.Action,
        Description = "将本案物业服务企业的违规行为作为不良记录记入企业信用档案。",
        Ports = [new(PmActivities.Done, "完成")],
        Inputs =
        [
            Inputs.Text("Reason", "记录事由", "例如：未在合同签订之日起15日内办理合同备案。", 0, required: true),
            Inputs.Text("Source", "依据", "法律或文件依据，例如《浉河区实施细则》第13条。", 1),
            Inputs.Text("CompanyName", "企业名称", "留空为本案（合同）载明的物业服务企业；可用 JavaScript。", 2),
        ],
    };

    public async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = CaseContext.Of(context);
        var profile = await TaskOpener.LoadCompoundAsync(context, @case);
        var reason = InputReader.RequiredText(context, "Reason", "记录事由");
        var source = InputReader.Text(context, "Source") ?? "";
        string? companyId;
        string? companyName;
        if (InputReader.Text(context, "CompanyName") is { } named)
        {
            companyName = named;
            companyId = (await context.Services.GetRequiredService<IPropertyDirectory>().FindCompanyByNameAsync(named))?.Id;
        }
        else
        {
            var party = Parties.Company(context, profile);
            companyName = party?.Name;
            companyId = party?.CompanyId;
            if (companyId is null && companyName is not null)
                companyId = (await context.Services.GetRequiredService<IPropertyDirectory>().FindCompanyByNameAsync(companyName))?.Id;
        }
        if (companyName is null)
        {
            context.Journal("CreditRecordSkipped", $"本案小区没有物业服务企业，未记录：{reason}");
            context.Complete(PmActivities.Done);
            return;
        }
        var record = new CreditRecord(Ids.New(), companyId, companyName, reason, source, ChinaTime.ToLocalDate(context.Now), context.Now)
        {
            CaseId = @case.CaseId,
            CompoundId = @case.CompoundId,
            WorkflowInstanceId = @case.WorkflowInstanceId,
        };
        context.AddEffect(new CreditRecordAdded(record));
        context.Journal("CreditRecorded", $"{companyName}：{reason}", new JsonObject { ["creditRecordId"] = record.Id });
        context.Complete(PmActivities.Done);
    }
}

using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>property-company-selection (P2): contract filing 15 days after signing, handover on the agreed date.</summary>
public sealed class PropertyCompanySelectionTests
{
    private static readonly JsonObject PassingVote = new()
    {
        ["participatingArea"] = 40000, ["participatingOwners"] = 400, ["approvingArea"] = 30000, ["approvingOwners"] = 300, ["decidedOn"] = "2026-09-25",
    };

    private static async Task<(string CaseId, string InstanceId)> SignedAsync(ProcedureApp app)
    {
        var started = await app.StartAsync("property-company-selection", "xianshan-yuan",
            new JsonObject { ["mode"] = "选聘", ["contractExpiry"] = "2026-12-31" });
        await app.CompleteAsync(started.CaseId, "指导业主委员会筹备业主大会（选聘物业服务企业）");
        await app.CompleteAsync(started.CaseId, "录入业主表决结果：选聘物业服务企业", form: PassingVote.DeepClone().AsObject());
        await app.CompleteAsync(started.CaseId, "业主委员会与物业服务企业签订物业服务合同", form: new JsonObject
        {
            ["companyName"] = "信阳浉河红色物业服务有限公司", ["signedOn"] = "2026-09-25", ["handoverOn"] = "2026-10-15",
        });
        return started;
    }

    [Fact]
    public async Task Selection_without_incumbent_files_the_contract_in_time_and_the_handover_is_supervised()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await SignedAsync(app);
        var view = await app.CaseAsync(caseId);
        Assert.DoesNotContain("核实原物业服务企业续聘意向", ProcedureApp.OpenTitles(view).Concat(ProcedureApp.DoneTitles(view)));
        var filing = await app.FilingAsync(caseId, "ServiceContract");
        Assert.Equal(("2026-10-10", "信阳浉河红色物业服务有限公司"), ((string)filing["dueDate"]!, (string)filing["responsibleName"]!));

        await app.RecordFilingAsync((string)filing["id"]!, "2026-09-25");
        Assert.Equal("OnTime", (string)(await app.FilingAsync(caseId, "ServiceContract"))["status"]!);
        await app.CompleteAsync(caseId, "监督原物业服务企业向新物业服务企业移交物业及资料");

        view = await app.CaseAsync(caseId);
        Assert.Equal("Closed", (string)view["status"]!);
        Assert.Empty(view["creditRecords"]!.AsArray());
        var journal = await app.JournalAsync(instanceId);
        Assert.Contains(journal, j => j.Event == "FilingRecorded");
        Assert.DoesNotContain(journal, j => j.Event is "FilingOverdue" or "CreditRecorded" or "Escalated");
    }

    [Fact]
    public async Task Unfiled_contract_and_refused_handover_give_credit_records_and_escalate_to_the_housing_bureau()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await SignedAsync(app);

        // Filing due Saturday 10-10 (make-up working day) at 17:30; on 10-11 it is overdue.
        await app.AdvanceAsync(days: 16);
        Assert.Equal("Overdue", (string)(await app.FilingAsync(caseId, "ServiceContract"))["status"]!);
        var credit = Assert.Single((await app.CaseAsync(caseId))["creditRecords"]!.AsArray())!;
        Assert.Equal("信阳浉河红色物业服务有限公司", (string)credit["companyName"]!);
        Assert.Contains("15日内", (string)credit["reason"]!);
        var followUp = await app.OpenTaskAsync(caseId, "督促物业服务企业补办合同备案");
        Assert.Equal("StreetOffice", (string)followUp["role"]!);

        // Handover agreed for 10-15 (Thursday): overdue from 10-16, the district housing bureau orders correction.
        await app.AdvanceAsync(days: 5);
        var order = await app.OpenTaskAsync(caseId, "原物业服务企业拒不移交：责令限期改正");
        Assert.Equal(("DistrictHousingBureau", "Community"), ((string)order["role"]!, (string)order["escalatedFrom"]!));
        Assert.Equal("浉河区住房和城乡建设局", (string)order["unit"]!["name"]!);

        // The order itself runs 15 days (10-31 is a Saturday, so due Monday 11-02); when it passes unheeded, the refusing company gets a second credit record.
        await app.AdvanceAsync(days: 18);
        var records = (await app.CaseAsync(caseId))["creditRecords"]!.AsArray();
        Assert.Equal(2, records.Count);
        Assert.Contains(records, r => ((string)r!["reason"]!).Contains("拒不移交", StringComparison.Ordinal));
        var journal = await app.JournalAsync(instanceId);
        Assert.Contains(journal, j => j.Event == "FilingOverdue");
        Assert.Equal(2, journal.Count(j => j.Event == "CreditRecorded"));
        Assert.Contains(journal, j => j.Event == "Escalated");
    }
}

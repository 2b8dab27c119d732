using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>The remaining procedures, each started for a demo compound and driven at least one step.</summary>
public sealed class OtherProceduresTests
{
    [Fact]
    public async Task Renewal_is_voted_signed_and_the_new_contract_is_due_for_filing_in_15_days()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("property-company-selection", "minquan-garden",
            new JsonObject { ["mode"] = "续聘", ["contractExpiry"] = "2026-12-31" });
        // 3 months before 12-31 is 09-30; 90 days before is 10-02, a holiday, so 09-30 too (the earlier applies).
        Assert.Equal("2026-09-30", (string)(await app.OpenTaskAsync(caseId, "指导业主委员会筹备业主大会（续聘物业服务企业）"))["dueDate"]!);
        Assert.Equal("2026-09-30", (string)(await app.OpenTaskAsync(caseId, "核实原物业服务企业续聘意向"))["dueDate"]!);

        await app.CompleteAsync(caseId, "指导业主委员会筹备业主大会（续聘物业服务企业）");
        await app.CompleteAsync(caseId, "录入业主表决结果：续聘物业服务企业", form: new JsonObject
        {
            ["participatingArea"] = 60000, ["participatingOwners"] = 600, ["approvingArea"] = 45000, ["approvingOwners"] = 500, ["decidedOn"] = "2026-09-25",
        });
        await app.CompleteAsync(caseId, "业主委员会与物业服务企业签订物业服务合同", form: new JsonObject
        {
            ["companyName"] = "信阳浉河红色物业服务有限公司", ["signedOn"] = "2026-09-25", ["handoverOn"] = "2026-10-15",
        });
        var filing = await app.FilingAsync(caseId, "ServiceContract");
        Assert.Equal(("2026-10-10", "StreetOffice"), ((string)filing["dueDate"]!, (string)filing["authority"]!));
        Assert.Equal("2026-10-15", (string)(await app.OpenTaskAsync(caseId, "监督原物业服务企业向新物业服务企业移交物业及资料"))["dueDate"]!);
    }

    [Fact]
    public async Task Committee_reelection_guidance_starts_90_days_before_term_end_and_the_new_committee_must_file()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("committee-reelection", "hudong-mingyuan"); // term ends 2026-12-31
        Assert.Equal("2026-09-30", (string)(await app.OpenTaskAsync(caseId, "启动业主委员会换届指导"))["dueDate"]!);
        await app.CompleteAsync(caseId, "启动业主委员会换届指导");
        var vote = await app.OpenTaskAsync(caseId, "录入业主表决结果：业主委员会换届选举");
        Assert.Equal("2026-12-30", (string)vote["dueDate"]!);
        await app.CompleteAsync(caseId, "录入业主表决结果：业主委员会换届选举", form: new JsonObject
        {
            ["participatingArea"] = 50000, ["participatingOwners"] = 450, ["approvingArea"] = 40000, ["approvingOwners"] = 400, ["decidedOn"] = "2026-09-25",
        });
        Assert.Equal("2026-10-08", (string)(await app.OpenTaskAsync(caseId, "原业主委员会移交档案资料、印章及财物"))["dueDate"]!);
        Assert.Equal("2026-10-26", (string)(await app.FilingAsync(caseId, "OwnersCommittee"))["dueDate"]!);
    }

    [Fact]
    public async Task Unlawful_decision_is_ordered_corrected_within_15_days()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("unlawful-decision-correction", "xianshan-yuan",
            new JsonObject { ["decision"] = "业委会决定将小区绿地出租作停车场" });
        await app.CompleteAsync(caseId, "审查业主大会、业主委员会决定是否违反法律法规", "违反法律法规",
            new JsonObject { ["finding"] = "改变共有部分用途未经业主共同决定" });
        // 15 days from 09-25 is Saturday 10-10, a make-up working day.
        Assert.Equal("2026-10-10", (string)(await app.OpenTaskAsync(caseId, "监督业主委员会限期改正"))["dueDate"]!);
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Subject == "责令限期改正通知" && m.Recipient == "xianshan-yuan-ywh@example.com");
    }

    [Fact]
    public async Task Star_rating_submission_is_overdue_in_autumn_and_review_is_due_on_1_december()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("star-rating", "jingbalu-2hao", new JsonObject { ["year"] = 2026 });
        Assert.Equal("2026-04-01", (string)(await app.OpenTaskAsync(caseId, "申报2026年度老旧小区星级评比"))["dueDate"]!);
        await app.AdvanceAsync(minutes: 1);
        Assert.True((bool)(await app.OpenTaskAsync(caseId, "申报2026年度老旧小区星级评比"))["overdue"]!);
        await app.CompleteAsync(caseId, "申报2026年度老旧小区星级评比", form: new JsonObject { ["selfScore"] = 82 });
        var review = await app.OpenTaskAsync(caseId, "复核2026年度星级评比得分");
        Assert.Equal(("DistrictHousingBureau", "金水区住房和城乡建设局", "2026-12-01"),
            ((string)review["role"]!, (string)review["unit"]!["name"]!, (string)review["dueDate"]!));
    }

    [Fact]
    public async Task Joint_meeting_recurs_monthly_after_each_meeting()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("joint-meeting", "jingbalu-nanyuan");
        Assert.Equal("2026-10-26", (string)(await app.OpenTaskAsync(caseId, "召开本月物业管理联席会议"))["dueDate"]!);
        await app.AdvanceAsync(days: 5);
        await app.CompleteAsync(caseId, "召开本月物业管理联席会议", form: new JsonObject { ["heldOn"] = "2026-09-30", ["minutes"] = "协调经八路南院停车问题" });
        var next = await app.OpenTaskAsync(caseId, "召开本月物业管理联席会议");
        Assert.Equal("2026-10-30", (string)next["dueDate"]!);
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Subject == "物业管理联席会议纪要" && m.Recipient == "jingbalu-2-sq@example.com");
    }

    [Fact]
    public async Task Every_procedure_of_the_catalog_can_be_started_for_a_demo_compound()
    {
        await using var app = new ProcedureApp();
        var procedures = await app.Client.GetFromJsonAsync<JsonArray>("/api/procedures");
        Assert.Equal(10, procedures!.Count);
        var inputs = new Dictionary<string, (string Compound, JsonObject Input)>
        {
            ["first-owners-assembly"] = ("minquan-jiayuan", []),
            ["property-company-selection"] = ("xianshan-yuan", new() { ["mode"] = "选聘" }),
            ["contract-filing"] = ("minquan-garden", new() { ["signedOn"] = "2026-09-25" }),
            ["handover-inspection-filing"] = ("nanwan-yaju", new() { ["handoverOn"] = "2026-09-25" }),
            ["emergency-takeover"] = ("weiyi-louyuan", []),
            ["complaint-escalation"] = ("jingsan-louyuan", new() { ["complaint"] = "楼道堆物" }),
            ["committee-reelection"] = ("hudong-mingyuan", []),
            ["unlawful-decision-correction"] = ("xianshan-yuan", new() { ["decision"] = "擅自提高物业费" }),
            ["star-rating"] = ("jingbalu-2hao", []),
            ["joint-meeting"] = ("jingbalu-nanyuan", []),
        };
        foreach (var procedure in procedures.Select(p => (string)p!["definitionId"]!))
        {
            var (compound, input) = inputs[procedure];
            var (caseId, _) = await app.StartAsync(procedure, compound, input);
            var view = await app.CaseAsync(caseId);
            Assert.Equal("Open", (string)view["status"]!);
            Assert.True(view["openTasks"]!.AsArray().Count + view["filings"]!.AsArray().Count > 0, $"{procedure} opened nothing");
        }
        var cases = await app.Client.GetFromJsonAsync<JsonArray>("/api/compounds/xianshan-yuan/cases");
        Assert.Equal(2, cases!.Count);
    }
}

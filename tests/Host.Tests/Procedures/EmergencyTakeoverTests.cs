using System.Net;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>emergency-takeover (P4) on 老城楼院, an unmanaged compound; warning reported on Friday 2026-09-25.</summary>
public sealed class EmergencyTakeoverTests
{
    private static JsonObject Appointment() => new()
    {
        ["provider"] = "老城街道物业服务中心", ["startOn"] = "2026-09-25", ["fee"] = "0.3元/㎡·月",
    };

    [Fact]
    public async Task Street_office_appoints_a_provider_copies_the_bureau_and_hands_over_to_a_new_company()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("emergency-takeover", "laocheng-louyuan", new JsonObject { ["reason"] = "原物业服务企业合同到期撤场" });
        var report = await app.OpenTaskAsync(caseId, "接收物业服务企业退出预警报告并报告街道办事处");
        Assert.Equal(("Community", "2026-09-28"), ((string)report["role"]!, (string)report["dueDate"]!));
        await app.CompleteAsync(caseId, "接收物业服务企业退出预警报告并报告街道办事处");
        Assert.Equal("2026-09-28", (string)(await app.OpenTaskAsync(caseId, "指定应急物业服务人并公示服务事项、期限和费用"))["dueDate"]!);
        await app.CompleteAsync(caseId, "指定应急物业服务人并公示服务事项、期限和费用", form: Appointment());

        var copy = await app.FilingAsync(caseId, "EmergencyServiceReport");
        Assert.Equal(("StreetOffice", "老城街道办事处", "2026-09-28"),
            ((string)copy["responsibleParty"]!, (string)copy["responsibleName"]!, (string)copy["dueDate"]!));
        var decide = await app.OpenTaskAsync(caseId, "组织业主决定新的物业管理方式");
        // One year from 2026-09-25 is Saturday 2027-09-25 → Monday (a test-only 2027 year is loaded).
        Assert.Equal("2027-09-27", (string)decide["dueDate"]!);

        Assert.Equal(HttpStatusCode.OK, (await app.RecordFilingAsync((string)copy["id"]!, "2026-09-25")).StatusCode);
        await app.CompleteAsync(caseId, "组织业主决定新的物业管理方式", "已选聘物业服务企业");
        await app.CompleteAsync(caseId, "协调应急物业服务人向新物业服务企业移交");
        Assert.Equal("Closed", (string)(await app.CaseAsync(caseId))["status"]!);
    }

    [Fact]
    public async Task Late_appointment_is_escalated_and_an_emergency_period_ending_without_a_company_goes_to_the_leading_group()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("emergency-takeover", "laocheng-louyuan");
        await app.AdvanceAsync(days: 3, hours: 16); // 2026-09-29 01:00: the community's report (due 09-28) is overdue
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Subject == "催办：物业退出预警逾期未报告" && m.Recipient == "laocheng-wyb@example.com");
        await app.CompleteAsync(caseId, "接收物业服务企业退出预警报告并报告街道办事处");

        // The appointment was due 3 days after the warning (09-28) too: it opens overdue and escalates at once.
        await app.AdvanceAsync(minutes: 1);
        var escalated = await app.OpenTaskAsync(caseId, "督办：应急物业服务人逾期未指定");
        Assert.Equal(("DistrictHousingBureau", "StreetOffice"), ((string)escalated["role"]!, (string)escalated["escalatedFrom"]!));

        await app.CompleteAsync(caseId, "指定应急物业服务人并公示服务事项、期限和费用", form: Appointment());
        await app.AdvanceAsync(days: 365);
        var leadingGroup = await app.OpenTaskAsync(caseId, "应急物业服务期满仍无物业服务人");
        Assert.Equal(("DistrictLeadingGroup", "浉河区物业管理工作领导小组"), ((string)leadingGroup["role"]!, (string)leadingGroup["unit"]!["name"]!));
        Assert.True((bool)(await app.OpenTaskAsync(caseId, "组织业主决定新的物业管理方式"))["overdue"]!);
    }
}

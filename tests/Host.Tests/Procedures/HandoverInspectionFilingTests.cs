using System.Net;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>handover-inspection-filing (P3): 30 days from the handover, publicity 5 days after filing (seed 001 item 13).</summary>
public sealed class HandoverInspectionFilingTests
{
    private static JsonObject Dates() => new() { ["handoverOn"] = "2026-09-20", ["deliveryOn"] = "2026-10-20" };

    [Fact]
    public async Task Inspection_filed_in_time_is_then_published_within_five_days()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("handover-inspection-filing", "nanwan-yaju", Dates());
        // At least 15 days before delivery on 10-20: 10-05 is a holiday, so the latest working day before, 09-30.
        var inspection = await app.OpenTaskAsync(caseId, "督促建设单位与物业服务企业完成承接查验");
        Assert.Equal("2026-09-30", (string)inspection["dueDate"]!);
        var filing = await app.FilingAsync(caseId, "HandoverInspection");
        Assert.Equal(("2026-10-20", "信阳南湾物业服务有限公司"), ((string)filing["dueDate"]!, (string)filing["responsibleName"]!));

        Assert.Equal(HttpStatusCode.OK, (await app.RecordFilingAsync((string)filing["id"]!, "2026-09-25", "浉住建查验〔2026〕3号")).StatusCode);
        var publicity = await app.FilingAsync(caseId, "HandoverPublicity");
        Assert.Equal(("2026-09-25", "2026-09-30"), ((string)publicity["countedFrom"]!, (string)publicity["dueDate"]!));
        Assert.Equal(HttpStatusCode.OK, (await app.RecordFilingAsync((string)publicity["id"]!, "2026-09-25")).StatusCode);
        await app.CompleteAsync(caseId, "督促建设单位与物业服务企业完成承接查验");

        var view = await app.CaseAsync(caseId);
        Assert.Equal("Closed", (string)view["status"]!);
        Assert.All(view["filings"]!.AsArray(), f => Assert.Equal("OnTime", (string)f!["status"]!));
    }

    [Fact]
    public async Task Unfiled_inspection_is_ordered_corrected_and_left_uncorrected_becomes_a_bad_credit_record()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("handover-inspection-filing", "nanwan-yaju", Dates());
        await app.AdvanceAsync(days: 25, hours: 9); // 2026-10-20 18:00
        Assert.Equal("Overdue", (string)(await app.FilingAsync(caseId, "HandoverInspection"))["status"]!);
        var correction = await app.OpenTaskAsync(caseId, "责令物业服务企业限期办理承接查验备案");
        Assert.Equal(("DistrictHousingBureau", "2026-11-04"), ((string)correction["role"]!, (string)correction["dueDate"]!));
        Assert.Empty((await app.CaseAsync(caseId))["creditRecords"]!.AsArray());
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Subject == "承接查验备案已逾期" && m.Recipient == "nanwan-wy@example.com");

        await app.AdvanceAsync(days: 16);
        var view = await app.CaseAsync(caseId);
        var credit = Assert.Single(view["creditRecords"]!.AsArray())!;
        Assert.Equal(("信阳南湾物业服务有限公司", "nanwan-wy"), ((string)credit["companyName"]!, (string)credit["companyId"]!));
        Assert.Contains("《信阳市浉河区加强和改进中心城区物业管理工作实施细则》第13条", (string)credit["source"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("责令物业服务企业限期办理承接查验备案", ProcedureApp.OpenTitles(view));
    }
}

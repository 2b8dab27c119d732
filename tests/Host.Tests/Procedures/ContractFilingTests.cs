using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>contract-filing: 15 days from signing (seed 001 item 12; HN2017 art. 49); the clock starts on Friday 2026-09-25.</summary>
public sealed class ContractFilingTests
{
    private static readonly JsonObject SignedOn0917 = new() { ["signedOn"] = "2026-09-17" };

    [Fact]
    public async Task Contract_signed_on_2026_09_17_is_due_on_2026_10_08_and_a_filing_recorded_in_time_is_on_time()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("contract-filing", "minquan-garden", SignedOn0917.DeepClone().AsObject());

        var filing = await app.FilingAsync(caseId, "ServiceContract");
        Assert.Equal("2026-10-08", (string)filing["dueDate"]!);
        Assert.Equal("2026-09-17", (string)filing["countedFrom"]!);
        Assert.Equal("Pending", (string)filing["status"]!);
        Assert.Equal("信阳浉河红色物业服务有限公司", (string)filing["responsibleName"]!);
        Assert.Contains("国庆节", (string)filing["dueExplanation"]!);
        var view = await app.CaseAsync(caseId);
        Assert.Equal("Open", (string)view["status"]!);
        Assert.Equal("2026-10-08", (string)view["upcomingDeadlines"]![0]!["dueDate"]!);

        var response = await app.RecordFilingAsync((string)filing["id"]!, "2026-09-25", "浉住建备〔2026〕15号");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        filing = await app.FilingAsync(caseId, "ServiceContract");
        Assert.Equal("OnTime", (string)filing["status"]!);
        Assert.Equal("2026-09-25", (string)filing["filedOn"]!);
        Assert.Equal("浉住建备〔2026〕15号", (string)filing["receiptNumber"]!);
        view = await app.CaseAsync(caseId);
        Assert.Equal("Closed", (string)view["status"]!);
        Assert.Empty(view["creditRecords"]!.AsArray());
        Assert.Empty(view["upcomingDeadlines"]!.AsArray());
        var journal = await app.JournalAsync(instanceId);
        Assert.Contains(journal, j => j.Event == "FilingOpened" && j.Message!.Contains("2026-10-08", StringComparison.Ordinal));
        Assert.Contains(journal, j => j.Event == "FilingRecorded");
        var mail = Assert.Single(await app.OutboxAsync(instanceId));
        Assert.Equal(("Email", "redwuye@example.com", "物业服务合同备案已登记"), (mail.Channel, mail.Recipient, mail.Subject));
    }

    [Fact]
    public async Task Unrecorded_filing_becomes_overdue_after_closing_time_on_2026_10_08_with_a_credit_record_and_a_housing_bureau_task()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("contract-filing", "minquan-garden", SignedOn0917.DeepClone().AsObject());

        await app.AdvanceAsync(days: 13, hours: 8); // 2026-10-08 17:00 China: the office is still open
        Assert.Equal("Pending", (string)(await app.FilingAsync(caseId, "ServiceContract"))["status"]!);
        Assert.Empty((await app.CaseAsync(caseId))["openTasks"]!.AsArray());

        await app.AdvanceAsync(hours: 1); // 18:00: closed at 17:30
        var view = await app.CaseAsync(caseId);
        var filing = await app.FilingAsync(caseId, "ServiceContract");
        Assert.Equal("Overdue", (string)filing["status"]!);
        var credit = Assert.Single(view["creditRecords"]!.AsArray())!;
        Assert.Equal("信阳浉河红色物业服务有限公司", (string)credit["companyName"]!);
        Assert.Equal("redwuye", (string)credit["companyId"]!);
        Assert.Equal("2026-10-08", (string)credit["recordedOn"]!);
        var task = await app.OpenTaskAsync(caseId, "督促补办物业服务合同备案：信阳浉河红色物业服务有限公司");
        Assert.Equal("DistrictHousingBureau", (string)task["role"]!);
        Assert.Equal("浉河区住房和城乡建设局", (string)task["unit"]!["name"]!);
        // 5 working days from Thursday 10-08: 10-09, Saturday 10-10 (make-up working day), 10-12, 10-13, 10-14.
        Assert.Equal("2026-10-14", (string)task["dueDate"]!);
        var journal = await app.JournalAsync(instanceId);
        Assert.Contains(journal, j => j.Event == "FilingOverdue");
        Assert.Contains(journal, j => j.Event == "CreditRecorded");
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Subject == "催办：物业服务合同备案已逾期" && m.Channel == "Sms" && m.Recipient == "13900000001");

        // Filed late the next day: FiledLate, and no second credit record.
        await app.AdvanceAsync(days: 1);
        var response = await app.RecordFilingAsync((string)filing["id"]!, "2026-10-09");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        view = await app.CaseAsync(caseId);
        Assert.Equal("Late", (string)(await app.FilingAsync(caseId, "ServiceContract"))["status"]!);
        Assert.Single(view["creditRecords"]!.AsArray());
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Subject == "物业服务合同逾期备案已登记");
    }

    [Fact]
    public async Task A_contract_signed_today_is_due_by_the_legal_calendar_and_the_dev_clock_makes_it_overdue()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("contract-filing", "jingsan-louyuan", new JsonObject { ["signedOn"] = "2026-09-25" });
        var due = await app.Client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-09-25&days=15");
        var filing = await app.FilingAsync(caseId, "ServiceContract");
        Assert.Equal((string)due!["due"]!, (string)filing["dueDate"]!);
        Assert.Equal("2026-10-10", (string)filing["dueDate"]!);

        await app.AdvanceAsync(days: 16);
        Assert.Equal("Overdue", (string)(await app.FilingAsync(caseId, "ServiceContract"))["status"]!);
        var task = await app.OpenTaskAsync(caseId, "督促补办物业服务合同备案：郑州金水城市服务有限公司");
        Assert.Equal("金水区住房和城乡建设局", (string)task["unit"]!["name"]!);
    }
}

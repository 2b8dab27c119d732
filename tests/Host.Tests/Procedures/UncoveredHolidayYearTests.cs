using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>A period reaching a year the holiday calendar lacks: the case goes on, the task says which year is missing.</summary>
public sealed class UncoveredHolidayYearTests
{
    [Fact]
    public async Task Task_counted_into_2027_without_its_holidays_opens_with_an_unresolved_due_date_naming_the_year()
    {
        await using var app = new ProcedureApp(with2027Holidays: false);
        // 经八路2号院's committee term ends 2027-08-31: guidance is due 90 days before, a 2027 date.
        var (caseId, instanceId) = await app.StartAsync("committee-reelection", "jingbalu-2hao");
        var view = await app.CaseAsync(caseId);
        Assert.Equal("Open", (string)view["status"]!);
        var guide = await app.OpenTaskAsync(caseId, "启动业主委员会换届指导");
        Assert.Null(guide["dueDate"]);
        var explanation = (string)guide["dueExplanation"]!;
        Assert.Contains("2027 年的节假日安排尚未录入", explanation);
        Assert.Contains("Calendar:HolidaysFile", explanation);
        Assert.Contains(await app.JournalAsync(instanceId), j => j.Event == "DeadlineUnresolved" && j.Message!.Contains("2027", StringComparison.Ordinal));

        // The officer can still work the case: the next step opens normally.
        await app.CompleteAsync(caseId, "启动业主委员会换届指导");
        Assert.Contains("录入业主表决结果：业主委员会换届选举", ProcedureApp.OpenTitles(await app.CaseAsync(caseId)));
    }

    [Fact]
    public async Task Completing_a_step_that_opens_a_filing_due_in_2027_without_its_holidays_is_refused_and_nothing_changes()
    {
        await using var app = new ProcedureApp(with2027Holidays: false);
        var (caseId, instanceId) = await app.StartAsync("property-company-selection", "xianshan-yuan", new JsonObject { ["mode"] = "选聘" });
        await app.CompleteAsync(caseId, "指导业主委员会筹备业主大会（选聘物业服务企业）");
        await app.CompleteAsync(caseId, "录入业主表决结果：选聘物业服务企业", form: new JsonObject
        {
            ["participatingArea"] = 40000, ["participatingOwners"] = 400, ["approvingArea"] = 30000, ["approvingOwners"] = 300, ["decidedOn"] = "2026-09-25",
        });
        var sign = await app.OpenTaskAsync(caseId, "业主委员会与物业服务企业签订物业服务合同");
        var journalBefore = (await app.JournalAsync(instanceId)).Count;

        // Signed 12-25: the 15-day filing period ends in January 2027, which no holiday file covers.
        var response = await app.Client.PostAsJsonAsync($"/api/tasks/{sign["id"]}/complete",
            new JsonObject { ["form"] = new JsonObject { ["companyName"] = "信阳浉河红色物业服务有限公司", ["signedOn"] = "2026-12-25" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("2027 年的节假日安排尚未录入", (string)problem["title"]!);
        Assert.Contains("Calendar:HolidaysFile", (string)problem["title"]!);

        var view = await app.CaseAsync(caseId);
        Assert.Equal("Open", (string)view["status"]!);
        Assert.Empty(view["filings"]!.AsArray());
        Assert.Equal((string)sign["id"]!, (string)(await app.OpenTaskAsync(caseId, "业主委员会与物业服务企业签订物业服务合同"))["id"]!);
        Assert.Equal(journalBefore, (await app.JournalAsync(instanceId)).Count);
    }
}

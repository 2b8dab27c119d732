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
}

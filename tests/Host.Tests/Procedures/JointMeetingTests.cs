using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>joint-meeting (P9): a missed monthly meeting is reported to the district housing bureau.</summary>
public sealed class JointMeetingTests
{
    [Fact]
    public async Task Missed_monthly_meeting_is_urged_by_the_district_and_the_task_stays_open()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("joint-meeting", "jingbalu-nanyuan");
        await app.AdvanceAsync(days: 32); // due 10-26
        var meeting = await app.OpenTaskAsync(caseId, "召开本月物业管理联席会议");
        Assert.True((bool)meeting["overdue"]!);
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Subject == "督办：物业管理联席会议逾期未召开");
        Assert.Contains(await app.JournalAsync(instanceId), j => j.Event == "TaskOverdue");
    }

    [Fact]
    public async Task Weekly_meeting_weekly_report_and_monthly_statistics_recur_after_each_is_done()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("joint-meeting", "jingbalu-nanyuan");
        // 7 days from Friday 09-25 is 10-02, in the National Day holiday: due 10-08.
        Assert.Equal("2026-10-08", (string)(await app.OpenTaskAsync(caseId, "召开本周物业管理例会"))["dueDate"]!);
        Assert.Equal("2026-10-08", (string)(await app.OpenTaskAsync(caseId, "形成本周物业管理督察周报"))["dueDate"]!);
        var stats = await app.OpenTaskAsync(caseId, "统计本月辖区住宅小区物业管理变化情况");
        Assert.Equal(("DistrictHousingBureau", "金水区住房和城乡建设局", "2026-10-26"),
            ((string)stats["role"]!, (string)stats["unit"]!["name"]!, (string)stats["dueDate"]!));

        await app.AdvanceAsync(days: 17); // Monday 10-12: the first week's meeting and report were missed
        Assert.True((bool)(await app.OpenTaskAsync(caseId, "召开本周物业管理例会"))["overdue"]!);
        await app.CompleteAsync(caseId, "召开本周物业管理例会", form: new JsonObject { ["heldOn"] = "2026-10-12", ["minutes"] = "第二社区汇报：经八路南院路灯待修" });
        var nextMeeting = await app.OpenTaskAsync(caseId, "召开本周物业管理例会");
        Assert.Equal("2026-10-19", (string)nextMeeting["dueDate"]!);
        Assert.False((bool)nextMeeting["overdue"]!);
        await app.CompleteAsync(caseId, "形成本周物业管理督察周报", form: new JsonObject { ["report"] = "各社区进度均达标", ["publishedOn"] = "2026-10-12" });
        Assert.Equal("2026-10-19", (string)(await app.OpenTaskAsync(caseId, "形成本周物业管理督察周报"))["dueDate"]!);
        await app.CompleteAsync(caseId, "统计本月辖区住宅小区物业管理变化情况", form: new JsonObject { ["companiesEntered"] = 1, ["companiesLeft"] = 0 });
        Assert.Equal("2026-11-12", (string)(await app.OpenTaskAsync(caseId, "统计本月辖区住宅小区物业管理变化情况"))["dueDate"]!);

        var view = await app.CaseAsync(caseId);
        Assert.Equal(3, ProcedureApp.DoneTitles(view).Count());
        Assert.Equal(2, (await app.JournalAsync(instanceId)).Count(j => j.Event == "TaskOverdue" && j.Message == "任务逾期，仍待办理"));
    }
}

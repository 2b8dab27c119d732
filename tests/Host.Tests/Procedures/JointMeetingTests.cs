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
}

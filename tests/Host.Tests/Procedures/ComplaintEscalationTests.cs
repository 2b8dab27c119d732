using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>complaint-escalation: community 10 days → street 15 → district 30 (seed 001 item 8); overdue escalates.</summary>
public sealed class ComplaintEscalationTests
{
    private static JsonObject Complaint() => new()
    {
        ["complaint"] = "电梯频繁故障无人维修",
        ["channel"] = "12345",
        ["complainant"] = new JsonObject { ["name"] = "赵女士", ["mobile"] = "13700009999" },
    };

    private static readonly JsonObject Category = new() { ["category"] = "电梯" };

    [Fact]
    public async Task Complaint_resolved_by_the_community_is_told_to_the_complainant_and_closes_the_case()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("complaint-escalation", "hudong-mingyuan", Complaint());
        var intake = await app.OpenTaskAsync(caseId, "登记受理物业投诉");
        Assert.Equal("湖东街道第一社区", (string)intake["unit"]!["name"]!);
        Assert.Equal("2026-09-28", (string)intake["dueDate"]!); // 1 working day after Friday 09-25

        await app.CompleteAsync(caseId, "登记受理物业投诉", form: Category.DeepClone().AsObject());
        var mediation = await app.OpenTaskAsync(caseId, "社区调解物业纠纷");
        Assert.Equal("2026-10-08", (string)mediation["dueDate"]!); // day 10 is 10-05, in the National Day holiday
        Assert.Equal(["已解决", "上报街道"], mediation["outcomes"]!.AsArray().Select(o => (string)o!));

        await app.CompleteAsync(caseId, "社区调解物业纠纷", "已解决");
        var view = await app.CaseAsync(caseId);
        Assert.Equal("Closed", (string)view["status"]!);
        Assert.Empty(view["openTasks"]!.AsArray());
        Assert.Equal(["登记受理物业投诉", "社区调解物业纠纷"], ProcedureApp.DoneTitles(view));
        var sms = Assert.Single(await app.OutboxAsync(instanceId));
        Assert.Equal(("Sms", "13700009999"), (sms.Channel, sms.Recipient));
        Assert.Contains("电梯频繁故障无人维修", sms.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_complaint_escalates_from_community_to_street_to_district_leading_group()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("complaint-escalation", "hudong-mingyuan", Complaint());
        await app.CompleteAsync(caseId, "登记受理物业投诉", form: Category.DeepClone().AsObject());

        // Community mediation is due 10-08 (24:00); at 10-09 01:00 it is overdue and goes to the street office.
        await app.AdvanceAsync(days: 13, hours: 16);
        var view = await app.CaseAsync(caseId);
        var community = view["doneTasks"]!.AsArray().Single(t => (string)t!["title"]! == "社区调解物业纠纷")!;
        Assert.Equal("Cancelled", (string)community["status"]!);
        Assert.True((bool)community["overdue"]!);
        var street = await app.OpenTaskAsync(caseId, "街道调处物业纠纷");
        Assert.Equal(("StreetOffice", "Community"), ((string)street["role"]!, (string)street["escalatedFrom"]!));
        Assert.Equal("湖东街道办事处", (string)street["unit"]!["name"]!);
        Assert.Equal("2026-10-26", (string)street["dueDate"]!); // 15 days from 10-09 is Saturday 10-24

        // Street mediation is due 10-26 (24:00); at 10-27 01:00 it goes to the district leading group.
        await app.AdvanceAsync(days: 18);
        var district = await app.OpenTaskAsync(caseId, "区领导小组研究处理物业纠纷");
        Assert.Equal(("DistrictLeadingGroup", "StreetOffice"), ((string)district["role"]!, (string)district["escalatedFrom"]!));
        Assert.Equal("浉河区物业管理工作领导小组", (string)district["unit"]!["name"]!);
        Assert.Equal("2026-11-26", (string)district["dueDate"]!);
        Assert.DoesNotContain("街道调处物业纠纷", ProcedureApp.OpenTitles(await app.CaseAsync(caseId)));

        var journal = await app.JournalAsync(instanceId);
        Assert.Equal(2, journal.Count(j => j.Event == "Escalated"));
        Assert.Contains(journal, j => j.Event == "Escalated" && j.Message!.StartsWith("街道办事处 → 区物业管理工作领导小组", StringComparison.Ordinal));

        await app.CompleteAsync(caseId, "区领导小组研究处理物业纠纷", "已作出处理决定");
        view = await app.CaseAsync(caseId);
        Assert.Equal("Closed", (string)view["status"]!);
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Channel == "Sms" && m.Recipient == "13700009999");
    }

    [Fact]
    public async Task Escalated_by_choice_the_district_task_when_overdue_is_urged_and_stays_open()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("complaint-escalation", "hudong-mingyuan", Complaint());
        await app.CompleteAsync(caseId, "登记受理物业投诉", form: Category.DeepClone().AsObject());
        await app.CompleteAsync(caseId, "社区调解物业纠纷", "上报街道");
        await app.CompleteAsync(caseId, "街道调处物业纠纷", "上报区级");
        // Due 10-26 (30 days from 09-25 is Sunday 10-25); overdue from 10-27 00:00.
        await app.AdvanceAsync(days: 32);
        var district = await app.OpenTaskAsync(caseId, "区领导小组研究处理物业纠纷");
        Assert.True((bool)district["overdue"]!);
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Subject == "督办：物业纠纷逾期未处理" && m.Recipient == "shihe-lg@example.com");
    }
}

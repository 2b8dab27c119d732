using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>unlawful-decision-correction (P7): order correction within 15 days, else revoke and tell all owners.</summary>
public sealed class UnlawfulDecisionCorrectionTests
{
    private static async Task<(string CaseId, string InstanceId)> OrderedAsync(ProcedureApp app)
    {
        var started = await app.StartAsync("unlawful-decision-correction", "xianshan-yuan",
            new JsonObject { ["decision"] = "业委会决定将小区绿地出租作停车场" });
        await app.CompleteAsync(started.CaseId, "审查业主大会、业主委员会决定是否违反法律法规", "违反法律法规",
            new JsonObject { ["finding"] = "改变共有部分用途未经业主共同决定" });
        return started;
    }

    [Fact]
    public async Task Corrected_decision_is_announced_to_all_owners_and_the_case_closes()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await OrderedAsync(app);
        await app.CompleteAsync(caseId, "监督业主委员会限期改正", "已改正");
        var view = await app.CaseAsync(caseId);
        Assert.Equal("Closed", (string)view["status"]!);
        var journal = await app.JournalAsync(instanceId);
        Assert.Contains(journal, j => j.Event == "Notified" && j.Message == "通知贤山苑全体业主：关于业主委员会决定已改正的公告");
        Assert.DoesNotContain(journal, j => j.Message?.Contains("关于撤销业主委员会决定的公告", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Lawful_decision_closes_the_case_without_an_order()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("unlawful-decision-correction", "xianshan-yuan", new JsonObject { ["decision"] = "续签电梯维保合同" });
        await app.CompleteAsync(caseId, "审查业主大会、业主委员会决定是否违反法律法规", "未违反", new JsonObject { ["finding"] = "符合管理规约" });
        Assert.Equal("Closed", (string)(await app.CaseAsync(caseId))["status"]!);
        Assert.Empty(await app.OutboxAsync(instanceId));
    }

    [Fact]
    public async Task Uncorrected_decision_is_revoked_after_the_deadline_and_owners_are_told()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await OrderedAsync(app);
        // Due Saturday 10-10 (make-up working day); on 10-11 the supervision task is closed as overdue.
        await app.AdvanceAsync(days: 16);
        var view = await app.CaseAsync(caseId);
        var supervise = view["doneTasks"]!.AsArray().Single(t => (string)t!["title"]! == "监督业主委员会限期改正")!;
        Assert.True((bool)supervise["overdue"]!);
        await app.CompleteAsync(caseId, "撤销业主大会、业主委员会的违法决定");
        Assert.Contains(await app.JournalAsync(instanceId), j => j.Event == "Notified" && j.Message == "通知贤山苑全体业主：关于撤销业主委员会决定的公告");
        var reelect = await app.OpenTaskAsync(caseId, "研究是否指导召开业主大会临时会议重新选举");
        Assert.Equal(["需重新选举", "无需重新选举"], reelect["outcomes"]!.AsArray().Select(o => (string)o!));
        Assert.Contains(await app.JournalAsync(instanceId), j => j.Event == "TaskOverdue");
    }
}

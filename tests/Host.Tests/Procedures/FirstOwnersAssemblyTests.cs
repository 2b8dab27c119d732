using System.Net;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>first-owners-assembly (P1) on 民权佳苑 (52,300 m², 486 owners, no committee); application on Friday 2026-09-25.</summary>
public sealed class FirstOwnersAssemblyTests
{
    private const string Compound = "minquan-jiayuan";

    private static JsonObject PassingVote() => new()
    {
        ["participatingArea"] = "40000", ["participatingOwners"] = 400,
        ["approvingArea"] = 30000, ["approvingOwners"] = 300, ["decidedOn"] = "2026-09-25",
    };

    /// <summary>Application → group formed → members published → meeting planned → particulars posted → candidates → vote.</summary>
    private static async Task<string> ReachVoteAsync(ProcedureApp app)
    {
        var (caseId, _) = await app.StartAsync("first-owners-assembly", Compound, new JsonObject { ["applicant"] = "业主代表 10 人" });
        await app.CompleteAsync(caseId, "核查首次业主大会召开条件", "符合条件");
        var formGroup = await app.OpenTaskAsync(caseId, "组建首次业主大会筹备组");
        Assert.Equal("2026-10-26", (string)formGroup["dueDate"]!); // 30 days: Sunday 10-25 → Monday
        Assert.Equal("民权街道办事处", (string)formGroup["unit"]!["name"]!);
        await app.CompleteAsync(caseId, "组建首次业主大会筹备组", form: new JsonObject { ["members"] = "街道办王主任（组长）、业主代表6人" });
        Assert.Equal("2026-09-28", (string)(await app.OpenTaskAsync(caseId, "筹备组公示成员名单"))["dueDate"]!);
        await app.CompleteAsync(caseId, "筹备组公示成员名单");
        await app.CompleteAsync(caseId, "确定首次业主大会会议日期", form: new JsonObject { ["meetingOn"] = "2026-11-10" });
        // At least 15 days before the meeting on 11-10: 10-26 (Monday).
        Assert.Equal("2026-10-26", (string)(await app.OpenTaskAsync(caseId, "公告会议事项、管理规约和议事规则草案"))["dueDate"]!);
        await app.CompleteAsync(caseId, "公告会议事项、管理规约和议事规则草案");
        await app.CompleteAsync(caseId, "公示业主委员会候选人名单（不少于7日）");
        var vote = await app.OpenTaskAsync(caseId, "录入业主表决结果：首次业主大会：通过管理规约、业主大会议事规则，选举业主委员会");
        Assert.Equal("2026-11-24", (string)vote["dueDate"]!); // 60 days from the group's formation on 09-25
        return caseId;
    }

    [Fact]
    public async Task First_assembly_elects_a_committee_which_files_within_30_days_and_gets_a_receipt()
    {
        await using var app = new ProcedureApp();
        var caseId = await ReachVoteAsync(app);
        await app.CompleteAsync(caseId, "录入业主表决结果：首次业主大会：通过管理规约、业主大会议事规则，选举业主委员会", form: PassingVote());

        var view = await app.CaseAsync(caseId);
        var vote = Assert.Single(view["votes"]!.AsArray())!;
        Assert.True((bool)vote["passed"]!);
        Assert.Equal("2026-10-08", (string)(await app.OpenTaskAsync(caseId, "业主委员会召开首次会议推选主任"))["dueDate"]!);
        var filing = await app.FilingAsync(caseId, "OwnersCommittee");
        Assert.Equal(("2026-10-26", "StreetOffice", "新选举产生的业主委员会"),
            ((string)filing["dueDate"]!, (string)filing["authority"]!, (string)filing["responsibleName"]!));

        Assert.Equal(HttpStatusCode.OK, (await app.RecordFilingAsync((string)filing["id"]!, "2026-09-25")).StatusCode);
        var receipt = await app.OpenTaskAsync(caseId, "审核业主委员会备案材料并出具回执");
        Assert.Equal("2026-10-09", (string)receipt["dueDate"]!); // 5 working days: 09-28, 09-29, 09-30, 10-08, 10-09
        await app.CompleteAsync(caseId, "审核业主委员会备案材料并出具回执");
        await app.CompleteAsync(caseId, "业主委员会召开首次会议推选主任");
        view = await app.CaseAsync(caseId);
        Assert.Equal("Closed", (string)view["status"]!);
        Assert.Equal("OnTime", (string)view["filings"]![0]!["status"]!);
    }

    [Fact]
    public async Task Committee_filing_overdue_gets_a_street_follow_up_and_ten_days_later_the_housing_bureau()
    {
        await using var app = new ProcedureApp();
        var caseId = await ReachVoteAsync(app);
        await app.CompleteAsync(caseId, "录入业主表决结果：首次业主大会：通过管理规约、业主大会议事规则，选举业主委员会", form: PassingVote());

        await app.AdvanceAsync(days: 31, hours: 9); // 2026-10-26 18:00, after closing on the due day
        Assert.Equal("Overdue", (string)(await app.FilingAsync(caseId, "OwnersCommittee"))["status"]!);
        var followUp = await app.OpenTaskAsync(caseId, "督促业主委员会办理备案");
        Assert.Equal(("StreetOffice", "2026-11-05"), ((string)followUp["role"]!, (string)followUp["dueDate"]!));

        await app.AdvanceAsync(days: 11);
        var escalated = await app.OpenTaskAsync(caseId, "业主委员会逾期未备案，区住建局督办");
        Assert.Equal(("DistrictHousingBureau", "StreetOffice"), ((string)escalated["role"]!, (string)escalated["escalatedFrom"]!));
        Assert.Empty((await app.CaseAsync(caseId))["creditRecords"]!.AsArray());
    }

    [Fact]
    public async Task Failed_vote_names_the_missing_threshold_and_the_street_office_forms_a_property_management_committee()
    {
        await using var app = new ProcedureApp();
        var caseId = await ReachVoteAsync(app);
        var low = PassingVote();
        low["participatingOwners"] = 320; // 2/3 of 486 is 324
        await app.CompleteAsync(caseId, "录入业主表决结果：首次业主大会：通过管理规约、业主大会议事规则，选举业主委员会", form: low);

        var vote = Assert.Single((await app.CaseAsync(caseId))["votes"]!.AsArray())!;
        Assert.False((bool)vote["passed"]!);
        Assert.Equal(["ParticipationOwners"], vote["failedThresholds"]!.AsArray().Select(t => (string)t!));
        Assert.Contains("参与表决人数 320 人", (string)vote["result"]!, StringComparison.Ordinal);
        await app.CompleteAsync(caseId, "重新组建筹备组或组建物业管理委员会", "组建物业管理委员会");
        await app.CompleteAsync(caseId, "组建物业管理委员会并公示");
        Assert.Equal("Closed", (string)(await app.CaseAsync(caseId))["status"]!);
    }

    [Fact]
    public async Task Assembly_not_held_within_60_days_closes_the_vote_and_regrouping_starts_again_from_the_members_notice()
    {
        await using var app = new ProcedureApp();
        var caseId = await ReachVoteAsync(app);
        await app.AdvanceAsync(days: 61);
        var view = await app.CaseAsync(caseId);
        Assert.Contains(view["doneTasks"]!.AsArray(), t => (string)t!["status"]! == "Cancelled" && ((string)t["title"]!).StartsWith("录入业主表决结果", StringComparison.Ordinal));
        await app.CompleteAsync(caseId, "重新组建筹备组或组建物业管理委员会", "重新组建筹备组");
        // The group re-formed today (11-25): members published within 3 days.
        Assert.Equal("2026-11-30", (string)(await app.OpenTaskAsync(caseId, "筹备组公示成员名单"))["dueDate"]!);
    }
}

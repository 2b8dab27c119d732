using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>committee-reelection (P6) for 湖东名苑, whose committee's term ends 2026-12-31.</summary>
public sealed class CommitteeReelectionTests
{
    private static JsonObject Vote(int approvingOwners) => new()
    {
        ["participatingArea"] = 50000, ["participatingOwners"] = 450, ["approvingArea"] = 40000, ["approvingOwners"] = approvingOwners, ["decidedOn"] = "2026-09-25",
    };

    [Fact]
    public async Task Elected_committee_hands_over_and_files_in_time_and_the_case_closes()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("committee-reelection", "hudong-mingyuan");
        await app.CompleteAsync(caseId, "启动业主委员会换届指导");
        await app.CompleteAsync(caseId, "录入业主表决结果：业主委员会换届选举", form: Vote(400));
        await app.CompleteAsync(caseId, "原业主委员会移交档案资料、印章及财物");
        var filing = await app.FilingAsync(caseId, "OwnersCommittee");
        await app.RecordFilingAsync((string)filing["id"]!, "2026-09-25");

        var view = await app.CaseAsync(caseId);
        Assert.Equal("Closed", (string)view["status"]!);
        Assert.Equal("OnTime", (string)(await app.FilingAsync(caseId, "OwnersCommittee"))["status"]!);
        Assert.True((bool)view["votes"]![0]!["passed"]!);
        Assert.DoesNotContain(await app.JournalAsync(instanceId), j => j.Event is "Escalated" or "FilingOverdue");
    }

    [Fact]
    public async Task Late_handover_goes_to_the_street_office_and_a_late_filing_gets_a_follow_up_task()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("committee-reelection", "hudong-mingyuan");
        await app.CompleteAsync(caseId, "启动业主委员会换届指导");
        await app.CompleteAsync(caseId, "录入业主表决结果：业主委员会换届选举", form: Vote(400));

        // Handover due 10-08 (10 days from 09-25 is 10-05, in the holiday): on 10-09 the street office takes over.
        await app.AdvanceAsync(days: 14);
        var urge = await app.OpenTaskAsync(caseId, "原业主委员会逾期未移交，街道办督促");
        Assert.Equal(("StreetOffice", "Community"), ((string)urge["role"]!, (string)urge["escalatedFrom"]!));
        Assert.Equal("湖东街道办事处", (string)urge["unit"]!["name"]!);

        // Filing due 10-26 (30 days from 09-25 is Sunday 10-25) at 17:30.
        await app.AdvanceAsync(days: 18);
        Assert.Equal("Overdue", (string)(await app.FilingAsync(caseId, "OwnersCommittee"))["status"]!);
        var followUp = await app.OpenTaskAsync(caseId, "督促新一届业主委员会办理备案");
        Assert.Equal("StreetOffice", (string)followUp["role"]!);
        // A committee is not a company: no credit record (procedures.md keeps those for companies).
        Assert.Empty((await app.CaseAsync(caseId))["creditRecords"]!.AsArray());
        var journal = await app.JournalAsync(instanceId);
        Assert.Contains(journal, j => j.Event == "Escalated" && j.Message!.StartsWith("社区居委会 → 街道办事处", StringComparison.Ordinal));
        Assert.Contains(journal, j => j.Event == "FilingOverdue");
    }

    [Fact]
    public async Task No_election_by_term_end_makes_the_street_office_convene_it_and_its_failure_goes_to_the_district()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("committee-reelection", "hudong-mingyuan");
        await app.CompleteAsync(caseId, "启动业主委员会换届指导");

        // The committee's own election is due 12-30 (the day before term end); on 12-31 the street office convenes.
        await app.AdvanceAsync(days: 97);
        var view = await app.CaseAsync(caseId);
        Assert.DoesNotContain("录入业主表决结果：业主委员会换届选举", ProcedureApp.OpenTitles(view));
        var street = await app.OpenTaskAsync(caseId, "录入业主表决结果：街道办事处组织业主大会换届选举");
        Assert.Equal("StreetOffice", (string)street["role"]!);

        await app.CompleteAsync(caseId, "录入业主表决结果：街道办事处组织业主大会换届选举", form: Vote(200));
        var district = await app.OpenTaskAsync(caseId, "业主委员会换届未成功");
        Assert.Equal(("DistrictHousingBureau", "StreetOffice"), ((string)district["role"]!, (string)district["escalatedFrom"]!));
        Assert.Contains((await app.CaseAsync(caseId))["votes"]!.AsArray(), v => !(bool)v!["passed"]!);
    }
}

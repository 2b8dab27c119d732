using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>star-rating (P8) for 经八路2号院 (18,300 m2): submission by 04-01, review by 12-01, results by year end.</summary>
public sealed class StarRatingTests
{
    [Fact]
    public async Task Reviewed_score_gives_the_star_band_and_subsidy_in_the_case_and_the_result_is_published()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("star-rating", "jingbalu-2hao", new JsonObject { ["year"] = 2026 });
        await app.CompleteAsync(caseId, "申报2026年度老旧小区星级评比", form: new JsonObject { ["selfScore"] = 86 });
        Assert.Null((await app.CaseAsync(caseId))["starRating"]);
        await app.CompleteAsync(caseId, "复核2026年度星级评比得分", form: new JsonObject { ["score"] = 80, ["disqualified"] = false });

        var rating = (await app.CaseAsync(caseId))["starRating"]!;
        Assert.Equal((4, 0.25m, 4575m), ((int)rating["stars"]!, (decimal)rating["subsidyPerSquareMetreMonth"]!, (decimal)rating["monthlySubsidy"]!));
        Assert.Equal("80分，4星级，效能补贴 0.25 元/平方米/月，每月 4575.00 元", (string)rating["summary"]!);
        Assert.Equal("2026-12-31", (string)(await app.OpenTaskAsync(caseId, "公布2026年度星级评比结果"))["dueDate"]!);

        await app.CompleteAsync(caseId, "公布2026年度星级评比结果");
        Assert.Equal("Closed", (string)(await app.CaseAsync(caseId))["status"]!);
        Assert.Contains(await app.OutboxAsync(instanceId), m => m.Subject == "老旧小区星级评比结果" && m.Recipient == "jingbalu-wyb@example.com");
    }

    [Fact]
    public async Task Disqualified_compound_has_no_star_and_no_subsidy_and_an_unreviewed_rating_is_overdue_after_1_december()
    {
        await using var app = new ProcedureApp();
        var (caseId, instanceId) = await app.StartAsync("star-rating", "jingbalu-2hao", new JsonObject { ["year"] = 2026 });
        await app.CompleteAsync(caseId, "申报2026年度老旧小区星级评比", form: new JsonObject { ["selfScore"] = 90 });
        await app.AdvanceAsync(days: 68); // review due 12-01 (24:00); now 12-02 09:00
        Assert.True((bool)(await app.OpenTaskAsync(caseId, "复核2026年度星级评比得分"))["overdue"]!);
        Assert.Contains(await app.JournalAsync(instanceId), j => j.Event == "TaskOverdue");

        await app.CompleteAsync(caseId, "复核2026年度星级评比得分", form: new JsonObject { ["score"] = 91, ["disqualified"] = true });
        var rating = (await app.CaseAsync(caseId))["starRating"]!;
        Assert.Equal((0, 0m), ((int)rating["stars"]!, (decimal)rating["monthlySubsidy"]!));
        Assert.Contains("一票否决", (string)rating["summary"]!);
    }
}

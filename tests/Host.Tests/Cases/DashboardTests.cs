using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Procedures;
using Workflows.Host.Tests.Workspace;
using Workflows.Host.Workspace.Dashboard;

namespace Workflows.Host.Tests.Cases;

/// <summary>
/// The supervision dashboard's numbers: overdue tasks and filings per street and community as the clock moves,
/// coverage of the demo district's streets against the seed 003 targets, P8 star ratings, and reach.
/// </summary>
public sealed class DashboardTests
{
    [Theory]
    [InlineData(2019, 2020, 0.40)]
    [InlineData(2020, 2020, 0.40)]
    [InlineData(2021, 2021, 0.60)]
    [InlineData(2022, 2022, 0.80)]
    [InlineData(2026, 2022, 0.80)]
    public void The_seed_003_target_of_a_year_is_40_60_80_percent_and_the_2022_bar_stays(int year, int targetYear, double rate)
    {
        var target = CoverageTargets.For(year);

        Assert.Equal((year, targetYear, (decimal)rate), (target.Year, target.TargetYear, target.Rate));
    }

    [Theory]
    [InlineData(85, false, 5)]
    [InlineData(84.5, false, 4)]
    [InlineData(80, false, 4)]
    [InlineData(75, false, 3)]
    [InlineData(70, false, 2)]
    [InlineData(65, false, 1)]
    [InlineData(64.9, false, 0)]
    [InlineData(95, true, 0)]
    public void P8_scores_give_stars_and_a_serious_violation_disqualifies(double score, bool disqualified, int stars) =>
        Assert.Equal(stars, StarRatings.Stars((decimal)score, disqualified));

    [Fact]
    public async Task Overdue_tasks_and_filings_are_counted_per_street_and_community_once_their_due_date_passes()
    {
        await using var app = new ProcedureApp();
        var signed = new JsonObject { ["signedOn"] = "2026-09-17" };
        var (minquanCase, _) = await app.StartAsync("contract-filing", "minquan-garden", signed.DeepClone().AsObject()); // filing due 10-08
        var (jingbaluCase, _) = await app.StartAsync("contract-filing", "jingbalu-2hao", signed.DeepClone().AsObject()); // another district
        var (complaintCase, _) = await app.StartAsync("complaint-escalation", "hudong-mingyuan", new JsonObject { ["complaint"] = "噪声扰民" }); // intake due 09-28
        using var bureau = await Session.SignInAsync(app.App, "bureau.shihe");

        var before = await DashboardAsync(bureau);
        Assert.All(before["streets"]!.AsArray().Concat(before["communities"]!.AsArray()), u => Assert.Equal((0, 0), Counts(u!)));

        await app.AdvanceAsync(days: 3); // 09-28 09:00: the intake is due today, not overdue yet
        Assert.Equal((0, 0), Counts(Unit(await DashboardAsync(bureau), "streets", "hudong")));
        await app.AdvanceAsync(days: 10, hours: 16); // 10-09 01:00: intake overdue (still open), the contract filing overdue
        var after = await DashboardAsync(bureau);

        Assert.Equal("2026-10-09", (string)after["today"]!);
        Assert.Equal((1, 0), Counts(Unit(after, "streets", "hudong")));
        Assert.Equal((1, 0), Counts(Unit(after, "communities", "hudong-1")));
        Assert.Equal((0, 0), Counts(Unit(after, "communities", "hudong-2")));
        Assert.Equal(OverdueTasksOf(await app.CaseAsync(minquanCase), "2026-10-09"), Counts(Unit(after, "streets", "minquan")).Tasks);
        Assert.Equal(1, Counts(Unit(after, "streets", "minquan")).Filings);
        Assert.Equal(1, Counts(Unit(after, "communities", "minquan-1")).Filings);
        Assert.Equal([complaintCase], Unit(after, "communities", "hudong-1")["caseIds"]!.AsArray().Select(c => (string)c!));
        Assert.DoesNotContain(after["streets"]!.AsArray(), u => (string)u!["unitId"]! == "jingbalu"); // another district
        Assert.DoesNotContain(jingbaluCase, after.ToJsonString(), StringComparison.Ordinal);

        using var jinshui = await Session.SignInAsync(app.App, "street.jingbalu");
        var theirs = await DashboardAsync(jinshui);
        Assert.Equal(["jingbalu"], theirs["streets"]!.AsArray().Select(u => (string)u!["unitId"]!));
        Assert.Equal(1, Counts(Unit(theirs, "communities", "shangwu")).Filings);

        using var street = await Session.SignInAsync(app.App, "street.hudong");
        var html = await street.Client.GetStringAsync("/dashboard");
        Assert.Contains("<tr data-unit-id=\"hudong-1\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{complaintCase}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-unit-id=\"minquan\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_per_street_is_measured_against_the_80_percent_target_of_2022_and_star_ratings_come_from_the_district_review()
    {
        await using var app = new ProcedureApp();
        var (ratingCase, _) = await app.StartAsync("star-rating", "minquan-garden", new JsonObject { ["year"] = 2026 });
        await app.CompleteAsync(ratingCase, "申报2026年度老旧小区星级评比", form: new JsonObject { ["selfScore"] = 90 });
        await app.CompleteAsync(ratingCase, "复核2026年度星级评比得分", form: new JsonObject { ["score"] = 82, ["disqualified"] = false });
        using var bureau = await Session.SignInAsync(app.App, "bureau.shihe");

        var view = await DashboardAsync(bureau);

        Assert.Equal((2026, 2022, 0.8m), ((int)view["target"]!["year"]!, (int)view["target"]!["targetYear"]!, (decimal)view["target"]!["rate"]!));
        var coverage = view["coverage"]!.AsArray().ToDictionary(c => (string)c!["streetId"]!, c => c!);
        Assert.Equal(9, coverage.Count); // the nine streets of 浉河区, not 金水区's
        AssertCoverage(coverage["minquan"], compounds: 2, owners: 1, management: 0, committeeRate: 0.5m, companyRate: 1m, committeeMeets: false, companyMeets: true);
        AssertCoverage(coverage["hudong"], compounds: 2, owners: 2, management: 0, committeeRate: 1m, companyRate: 1m, committeeMeets: true, companyMeets: true);
        AssertCoverage(coverage["wuxing"], compounds: 1, owners: 0, management: 1, committeeRate: 1m, companyRate: 1m, committeeMeets: true, companyMeets: true);
        AssertCoverage(coverage["laocheng"], compounds: 1, owners: 0, management: 0, committeeRate: 0m, companyRate: 0m, committeeMeets: false, companyMeets: false);
        AssertCoverage(coverage["chezhan"], compounds: 0, owners: 0, management: 0, committeeRate: 0m, companyRate: 0m, committeeMeets: false, companyMeets: false);

        var rating = Assert.Single(view["starRatings"]!.AsArray())!;
        Assert.Equal(("民权花园", "信阳浉河红色物业服务有限公司", 2026, 82m, 4), ((string)rating["compoundName"]!, (string)rating["companyName"]!, (int)rating["year"]!, (decimal)rating["score"]!, (int)rating["stars"]!));

        using var jinshui = await Session.SignInAsync(app.App, "bureau.jinshui");
        var theirs = await DashboardAsync(jinshui);
        AssertCoverage(theirs["coverage"]!.AsArray().Single()!, compounds: 4, owners: 2, management: 0, committeeRate: 0.5m, companyRate: 0.75m, committeeMeets: false, companyMeets: false);
        Assert.Empty(theirs["starRatings"]!.AsArray());

        var html = await bureau.Client.GetStringAsync("/dashboard");
        Assert.Contains("2026年覆盖率目标：80.0%（《三年提升行动》2022年目标", html, StringComparison.Ordinal);
        Assert.Contains("★★★★☆", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/workspace-assets/chart.umd.min.js\"></script>", html, StringComparison.Ordinal);
        using var script = await bureau.Client.GetAsync("/workspace-assets/chart.umd.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Chart.js", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void AssertCoverage(JsonNode street, int compounds, int owners, int management, decimal committeeRate, decimal companyRate,
        bool committeeMeets, bool companyMeets) =>
        Assert.Equal((compounds, owners, management, committeeRate, companyRate, committeeMeets, companyMeets),
            ((int)street["compounds"]!, (int)street["ownersCommittees"]!, (int)street["managementCommittees"]!, (decimal)street["committeeRate"]!,
             (decimal)street["propertyManagementRate"]!, (bool)street["committeeRateMeetsTarget"]!, (bool)street["propertyManagementRateMeetsTarget"]!));

    private static async Task<JsonObject> DashboardAsync(Session session)
    {
        using var response = await session.Client.GetAsync("/api/dashboard");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static JsonNode Unit(JsonObject view, string list, string unitId) => view[list]!.AsArray().Single(u => (string)u!["unitId"]! == unitId)!;

    private static (int Tasks, int Filings) Counts(JsonNode unit) => ((int)unit["overdueTasks"]!, (int)unit["overdueFilings"]!);

    /// <summary>From the case API: open tasks marked overdue or past their due date.</summary>
    private static int OverdueTasksOf(JsonObject caseView, string today) =>
        caseView["openTasks"]!.AsArray().Count(t => (bool)t!["overdue"]! || (t["dueDate"] is { } due && string.CompareOrdinal((string)due!, today) < 0));
}

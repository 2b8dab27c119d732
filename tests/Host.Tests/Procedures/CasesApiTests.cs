using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.PropertyManagement.Cases;

namespace Workflows.Host.Tests.Procedures;

/// <summary>Bad input gets a problem naming the field, and nothing is written.</summary>
public sealed class CasesApiTests
{
    private static async Task<(int Cases, int Instances)> CountsAsync(WorkflowsApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return (await db.Set<Case>().CountAsync(), await db.Instances.CountAsync());
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static Task<HttpResponseMessage> StartAsync(ProcedureApp app, string? procedure, string? compoundId, JsonObject? input = null) =>
        app.Client.PostAsJsonAsync("/api/cases", new JsonObject { ["procedure"] = procedure, ["compoundId"] = compoundId, ["input"] = input });

    [Fact]
    public async Task Start_with_bad_input_names_the_field_and_writes_nothing()
    {
        await using var app = new ProcedureApp();
        var before = await CountsAsync(app.App);

        var unknownProcedure = await ProblemAsync(await StartAsync(app, "no-such-procedure", "minquan-garden"), HttpStatusCode.BadRequest);
        Assert.Contains("no-such-procedure", (string)unknownProcedure["errors"]!["procedure"]![0]!, StringComparison.Ordinal);
        var missing = await ProblemAsync(await StartAsync(app, null, null), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["procedure"]);
        Assert.NotNull(missing["errors"]!["compoundId"]);
        var unknownCompound = await ProblemAsync(await StartAsync(app, "contract-filing", "no-such-compound", new() { ["signedOn"] = "2026-09-17" }), HttpStatusCode.NotFound);
        Assert.Contains("no-such-compound", (string)unknownCompound["errors"]!["compoundId"]![0]!, StringComparison.Ordinal);
        var noDate = await ProblemAsync(await StartAsync(app, "contract-filing", "minquan-garden"), HttpStatusCode.BadRequest);
        Assert.NotNull(noDate["errors"]!["input.signedOn"]);
        var badDate = await ProblemAsync(await StartAsync(app, "contract-filing", "minquan-garden", new() { ["signedOn"] = "2026/09/17" }), HttpStatusCode.BadRequest);
        Assert.Contains("YYYY-MM-DD", (string)badDate["errors"]!["input.signedOn"]![0]!, StringComparison.Ordinal);
        var future = await ProblemAsync(await StartAsync(app, "contract-filing", "minquan-garden", new() { ["signedOn"] = "2026-09-26" }), HttpStatusCode.BadRequest);
        Assert.NotNull(future["errors"]!["input.signedOn"]);
        var noCompany = await ProblemAsync(await StartAsync(app, "contract-filing", "laocheng-louyuan", new() { ["signedOn"] = "2026-09-17" }), HttpStatusCode.BadRequest);
        Assert.NotNull(noCompany["errors"]!["input.company"]);
        var noTerm = await ProblemAsync(await StartAsync(app, "committee-reelection", "minquan-jiayuan"), HttpStatusCode.BadRequest);
        Assert.NotNull(noTerm["errors"]!["input.termEnd"]);
        var noComplaint = await ProblemAsync(await StartAsync(app, "complaint-escalation", "minquan-garden"), HttpStatusCode.BadRequest);
        Assert.NotNull(noComplaint["errors"]!["input.complaint"]);

        Assert.Equal(before, await CountsAsync(app.App));
    }

    [Fact]
    public async Task Input_dates_outside_1990_to_2100_oversized_text_and_lone_surrogates_get_400_naming_the_field()
    {
        await using var app = new ProcedureApp();
        var before = await CountsAsync(app.App);

        var ancient = await ProblemAsync(await StartAsync(app, "handover-inspection-filing", "minquan-garden", new() { ["handoverOn"] = "0001-01-01" }),
            HttpStatusCode.BadRequest);
        var farFuture = await ProblemAsync(await StartAsync(app, "committee-reelection", "minquan-jiayuan", new() { ["termEnd"] = "9999-12-31" }),
            HttpStatusCode.BadRequest);
        var tooLong = await ProblemAsync(await StartAsync(app, "complaint-escalation", "minquan-garden", new() { ["complaint"] = new string('吵', 5_001) }),
            HttpStatusCode.BadRequest);
        // A 3 MB complaint does not even reach the input check: the body is over the request limit.
        var huge = await ProblemAsync(await StartAsync(app, "complaint-escalation", "minquan-garden", new() { ["complaint"] = new string('吵', 3_000_000) }),
            HttpStatusCode.RequestEntityTooLarge);
        var longName = await ProblemAsync(await StartAsync(app, "complaint-escalation", "minquan-garden",
            new() { ["complaint"] = "噪声", ["complainant"] = new JsonObject { ["name"] = new string('王', 101) } }), HttpStatusCode.BadRequest);
        var manyKeys = new JsonObject { ["complaint"] = "噪声" };
        for (var i = 0; i < 100; i++) manyKeys[$"k{i}"] = i;
        var tooManyKeys = await ProblemAsync(await StartAsync(app, "complaint-escalation", "minquan-garden", manyKeys), HttpStatusCode.BadRequest);
        using var surrogateBody = new StringContent(
            "{\"procedure\":\"complaint-escalation\",\"compoundId\":\"minquan-garden\",\"input\":{\"complaint\":\"噪声\\ud800扰民\"}}",
            System.Text.Encoding.UTF8, "application/json");
        var surrogate = await ProblemAsync(await app.Client.PostAsync("/api/cases", surrogateBody), HttpStatusCode.BadRequest);

        Assert.Contains("“物业交接日期”0001-01-01 超出有效范围，应在 1990-01-01 至 2100-12-31 之间", (string)ancient["errors"]!["input.handoverOn"]![0]!, StringComparison.Ordinal);
        Assert.Contains("“任期届满日”9999-12-31 超出有效范围", (string)farFuture["errors"]!["input.termEnd"]![0]!, StringComparison.Ordinal);
        Assert.DoesNotContain("out of range", farFuture.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("最多 5000 个字符", (string)tooLong["errors"]!["input.complaint"]![0]!, StringComparison.Ordinal);
        Assert.Contains("请求正文超过", (string)huge["errors"]!["body"]![0]!, StringComparison.Ordinal);
        Assert.Contains("最多 100 个字符", (string)longName["errors"]!["input.complainant.name"]![0]!, StringComparison.Ordinal);
        Assert.Contains("输入项过多", (string)tooManyKeys["errors"]!["input"]![0]!, StringComparison.Ordinal);
        // The request check finds the lone surrogate before the input rules do; either way the field is named.
        Assert.Contains("无效的字符编码", (string)surrogate["errors"]!["input.complaint"]![0]!, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app.App));
    }

    [Fact]
    public async Task A_deadline_in_a_year_without_a_holiday_calendar_is_refused_before_anything_is_stored()
    {
        // Development loads a provisional 2027; 2028 is covered by nothing.
        await using var app = new WorkflowsApp(definitionsPath: RepoPaths.Definitions, start: new DateTimeOffset(2027, 12, 28, 1, 0, 0, TimeSpan.Zero));
        using var client = app.CreateApiClient();
        var before = await CountsAsync(app);
        var response = await client.PostAsJsonAsync("/api/cases", new JsonObject
        {
            ["procedure"] = "contract-filing", ["compoundId"] = "minquan-garden", ["input"] = new JsonObject { ["signedOn"] = "2027-12-25" },
        });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("2028 年的节假日安排尚未录入", (string)problem["errors"]!["input"]![0]!, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Completing_a_task_checks_outcome_and_form_and_refuses_a_second_completion()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("complaint-escalation", "hudong-mingyuan", new JsonObject { ["complaint"] = "噪声扰民" });
        var intake = await app.OpenTaskAsync(caseId, "登记受理物业投诉");
        var url = $"/api/tasks/{intake["id"]}/complete";

        var noCategory = await ProblemAsync(await app.Client.PostAsJsonAsync(url, new JsonObject()), HttpStatusCode.BadRequest);
        Assert.NotNull(noCategory["errors"]!["form.category"]);
        var badChoice = await ProblemAsync(await app.Client.PostAsJsonAsync(url, new JsonObject { ["form"] = new JsonObject { ["category"] = "天气" } }), HttpStatusCode.BadRequest);
        Assert.NotNull(badChoice["errors"]!["form.category"]);
        var staleForm = await ProblemAsync(await app.Client.PostAsJsonAsync(url, new JsonObject
        {
            ["form"] = new JsonObject { ["category"] = "噪声污水油烟" }, ["revision"] = 99,
        }), HttpStatusCode.Conflict);
        Assert.Contains("版本", (string)staleForm["title"]!, StringComparison.Ordinal);
        Assert.Equal("Open", (string)(await app.OpenTaskAsync(caseId, "登记受理物业投诉"))["status"]!);

        await app.CompleteAsync(caseId, "登记受理物业投诉", form: new JsonObject { ["category"] = "噪声污水油烟" });
        await ProblemAsync(await app.Client.PostAsJsonAsync(url, new JsonObject { ["form"] = new JsonObject { ["category"] = "其他" } }), HttpStatusCode.Conflict);

        var mediation = await app.OpenTaskAsync(caseId, "社区调解物业纠纷");
        var wrongOutcome = await ProblemAsync(await app.Client.PostAsJsonAsync($"/api/tasks/{mediation["id"]}/complete",
            new JsonObject { ["outcome"] = "不管了" }), HttpStatusCode.BadRequest);
        Assert.Contains("已解决", (string)wrongOutcome["errors"]!["outcome"]![0]!, StringComparison.Ordinal);
        var unknown = await ProblemAsync(await app.Client.PostAsJsonAsync("/api/tasks/nope/complete", new JsonObject()), HttpStatusCode.NotFound);
        Assert.NotNull(unknown["errors"]!["taskId"]);
    }

    [Fact]
    public async Task Vote_form_is_checked_before_the_vote_is_recorded()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("committee-reelection", "hudong-mingyuan");
        await app.CompleteAsync(caseId, "启动业主委员会换届指导");
        var vote = await app.OpenTaskAsync(caseId, "录入业主表决结果：业主委员会换届选举");
        var problem = await ProblemAsync(await app.Client.PostAsJsonAsync($"/api/tasks/{vote["id"]}/complete", new JsonObject
        {
            ["form"] = new JsonObject
            {
                ["participatingArea"] = 70000, ["participatingOwners"] = 500, ["approvingArea"] = 10, ["approvingOwners"] = 600, ["decidedOn"] = "2026-09-25",
            },
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["form.participatingArea"]); // more than the compound's 64,800 m²
        Assert.Empty((await app.CaseAsync(caseId))["votes"]!.AsArray());
    }

    [Fact]
    public async Task Recording_a_filing_checks_the_date_and_refuses_a_second_record()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("contract-filing", "minquan-garden", new JsonObject { ["signedOn"] = "2026-09-17" });
        var id = (string)(await app.FilingAsync(caseId, "ServiceContract"))["id"]!;
        var missing = await ProblemAsync(await app.Client.PostAsJsonAsync($"/api/filings/{id}/record", new JsonObject()), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["filedOn"]);
        await ProblemAsync(await app.RecordFilingAsync(id, "25/09/2026"), HttpStatusCode.BadRequest);
        var future = await ProblemAsync(await app.RecordFilingAsync(id, "2026-09-30"), HttpStatusCode.BadRequest);
        Assert.NotNull(future["errors"]!["filedOn"]);
        Assert.Equal("Pending", (string)(await app.FilingAsync(caseId, "ServiceContract"))["status"]!);

        Assert.Equal(HttpStatusCode.OK, (await app.RecordFilingAsync(id, "2026-09-24")).StatusCode);
        await ProblemAsync(await app.RecordFilingAsync(id, "2026-09-25"), HttpStatusCode.Conflict);
        var unknown = await ProblemAsync(await app.RecordFilingAsync("nope", "2026-09-25"), HttpStatusCode.NotFound);
        Assert.NotNull(unknown["errors"]!["filingId"]);
    }

    [Fact]
    public async Task A_filing_date_before_the_window_opened_is_refused_and_nothing_is_recorded()
    {
        await using var app = new ProcedureApp();
        var (caseId, _) = await app.StartAsync("contract-filing", "minquan-garden", new JsonObject { ["signedOn"] = "2026-09-17" });
        var id = (string)(await app.FilingAsync(caseId, "ServiceContract"))["id"]!;

        // 0001-01-01 used to count as on time: any date before the window turned a late filing into an on-time one.
        var ancient = await ProblemAsync(await app.RecordFilingAsync(id, "0001-01-01"), HttpStatusCode.BadRequest);
        var dayBefore = await ProblemAsync(await app.RecordFilingAsync(id, "2026-09-16"), HttpStatusCode.BadRequest);

        Assert.Contains("早于备案期限的起算日（2026-09-17）", (string)ancient["errors"]!["filedOn"]![0]!, StringComparison.Ordinal);
        Assert.NotNull(dayBefore["errors"]!["filedOn"]);
        var filing = await app.FilingAsync(caseId, "ServiceContract");
        Assert.Equal("Pending", (string)filing["status"]!);
        Assert.Null(filing["filedOn"]);
        // The window's first day itself is a valid filing date.
        Assert.Equal(HttpStatusCode.OK, (await app.RecordFilingAsync(id, "2026-09-17")).StatusCode);
    }

    [Fact]
    public async Task Cases_api_needs_the_api_key_and_reads_compounds_of_the_demo_district()
    {
        await using var app = new ProcedureApp();
        using var anonymous = app.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/compounds")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/cases", new JsonObject())).StatusCode);

        var compounds = (await app.Client.GetFromJsonAsync<JsonArray>("/api/compounds"))!;
        Assert.Equal(12, compounds.Count);
        var garden = compounds.Single(c => (string)c!["id"]! == "minquan-garden")!;
        Assert.Equal(("民权花园", "民权街道办事处", "民权街道第一社区", "信阳浉河红色物业服务有限公司"),
            ((string)garden["name"]!, (string)garden["street"]!["name"]!, (string)garden["community"]!["name"]!, (string)garden["company"]!["name"]!));
        Assert.Contains(compounds, c => (string)c!["community"]!["name"]! == "商务社区" && (string)c["street"]!["name"]! == "经八路街道办事处");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/compounds/nope/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/cases/nope")).StatusCode);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Workflows.Host.District;
using Workflows.Host.Notifications;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Procedures;
using Workflows.Host.Tests.Reminders;
using Workflows.Host.Tests.Workspace;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Host.Tests.District;

/// <summary>
/// Putting a district into service on a Production host that starts empty: the admin enters the unit tree, the
/// companies, compounds and committees through <c>/api/district</c>, creates an officer, and the officer's first
/// procedure reminds the company by email.
/// </summary>
public sealed class DistrictSetupTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    private const string OfficerPassword = "Shequ#2026x";

    [Fact]
    public async Task An_admin_sets_up_a_district_from_an_empty_database_and_the_first_contract_filing_reminds_the_company_by_email()
    {
        smtp.Start();
        var prefix = $"pq-{Guid.NewGuid():N}";
        await using var app = ProductionApp();
        using var admin = await DistrictAdmin.CreateAsync(app);
        Assert.Empty((await admin.GetAsync("/api/district/units")).AsArray());

        await EnterDistrictAsync(admin, prefix);

        var units = (await admin.GetAsync("/api/district/units")).AsArray();
        Assert.Equal(8, units.Count);
        Assert.Equal(2, units.Count(u => (string)u!["kind"]! == "StreetOffice"));
        Assert.Equal(3, units.Count(u => (string)u!["kind"]! == "Community"));
        var compounds = (await admin.GetAsync("/api/district/compounds")).AsArray();
        Assert.Equal(4, compounds.Count);
        Assert.All(compounds, c => Assert.Equal((string)c!["id"]! + "-ywh", (string?)c["committeeId"]));
        var first = compounds.Single(c => (string)c!["id"]! == "xiaoqu-1")!;
        Assert.Equal(("pingqiao", "pingzhong", "五有", "有物业"),
            ((string)first["districtId"]!, (string)first["streetOfficeId"]!, (string)first["classificationName"]!, (string)first["statusName"]!));

        var officer = await admin.PostAsync("/api/users", new JsonObject
        {
            ["userName"] = "sq.pingzhong1", ["displayName"] = "平中一社区干部", ["role"] = "community", ["unitId"] = "pingzhong-1", ["password"] = OfficerPassword,
        });
        Assert.Equal("平中第一社区", (string)officer["unitName"]!);
        var wrongKind = await admin.SendAsync(HttpMethod.Post, "/api/users", new JsonObject
        {
            ["userName"] = "sq.wrong", ["displayName"] = "错", ["role"] = "community", ["unitId"] = "pingzhong", ["password"] = OfficerPassword,
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Contains("unitId", await wrongKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var community = await Session.SignInAsync(app, "sq.pingzhong1", OfficerPassword);
        var visible = JsonNode.Parse(await community.Client.GetStringAsync("/api/compounds"))!.AsArray();
        Assert.Equal(["xiaoqu-1", "xiaoqu-2"], visible.Select(c => (string)c!["id"]!).Order(StringComparer.Ordinal));
        var started = await community.SendAsync(HttpMethod.Post, "/api/cases", new JsonObject
        {
            ["procedure"] = "contract-filing", ["compoundId"] = "xiaoqu-1", ["input"] = new JsonObject { ["signedOn"] = "2026-09-25" },
        }.ToJsonString());
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());

        // 15 days from Friday 09-25 end on Saturday 10-10 (a make-up working day); the 5-day reminder goes out on 10-05 09:00.
        app.Clock.Advance(TimeSpan.FromDays(10));
        await app.RunAsync(sp => sp.GetRequiredService<NotificationSweep>().RunAsync());
        var email = $"{prefix}-1@wuye.test";
        var reminder = await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(email), TimeSpan.FromSeconds(60));
        Assert.Equal("【期限提醒】物业服务合同备案将于2026-10-10到期（还有5天）", reminder.Subject);
        Assert.Contains("平桥第1物业服务有限公司", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("受理单位：平桥区住房和城乡建设局", reminder.TextBody, StringComparison.Ordinal);

        var audited = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == DistrictAudit.Create).ToListAsync());
        Assert.Equal(8 + 4 + 4 + 4, audited.Count);
        Assert.All(audited, e => Assert.Equal(DistrictAdmin.UserName, e.ActorName));
    }

    [Fact]
    public async Task A_compound_with_an_open_case_cannot_be_deleted_and_once_deactivated_takes_no_new_case_while_the_old_one_stays_readable()
    {
        smtp.Start();
        await using var app = ProductionApp();
        using var admin = await DistrictAdmin.CreateAsync(app);
        await EnterDistrictAsync(admin, $"del-{Guid.NewGuid():N}");
        await admin.PostAsync("/api/users", new JsonObject
        {
            ["userName"] = "sq.pingzhong1", ["displayName"] = "平中一社区干部", ["role"] = "community", ["unitId"] = "pingzhong-1", ["password"] = OfficerPassword,
        });
        using var community = await Session.SignInAsync(app, "sq.pingzhong1", OfficerPassword);
        var start = new JsonObject { ["procedure"] = "contract-filing", ["compoundId"] = "xiaoqu-1", ["input"] = new JsonObject { ["signedOn"] = "2026-09-25" } };
        var started = await community.SendAsync(HttpMethod.Post, "/api/cases", start.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var caseId = (string)JsonNode.Parse(await started.Content.ReadAsStringAsync())!["caseId"]!;

        await admin.SendAsync(HttpMethod.Delete, "/api/district/committees/xiaoqu-1-ywh");
        var delete = await admin.SendAsync(HttpMethod.Delete, "/api/district/compounds/xiaoqu-1");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        var problem = JsonNode.Parse(await delete.Content.ReadAsStringAsync())!;
        Assert.Equal("小区“平桥1号小区”有 1 件办理中的案件，不能删除，只能停用（停用后不能再启动新案件，已有案件仍可查看）。", (string)problem["title"]!);
        var unitDelete = await admin.SendAsync(HttpMethod.Delete, "/api/district/units/pingzhong-1");
        Assert.Equal(HttpStatusCode.Conflict, unitDelete.StatusCode);
        Assert.Contains("名工作人员账户", await unitDelete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var companyDelete = await admin.SendAsync(HttpMethod.Delete, "/api/district/companies/wuye-1");
        Assert.Equal(HttpStatusCode.Conflict, companyDelete.StatusCode);
        Assert.Contains("仍为 1 个小区提供物业服务", await companyDelete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A rename keeps the id: the open case still finds its compound.
        var renamed = await admin.SendAsync(HttpMethod.Put, "/api/district/compounds/xiaoqu-1", new JsonObject
        {
            ["name"] = "平桥壹号院", ["communityId"] = "pingzhong-1", ["floorArea"] = 30_000, ["households"] = 300, ["companyId"] = "wuye-1",
            ["classification"] = "五有", ["status"] = "有物业",
        });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var deactivated = await admin.PostAsync("/api/district/compounds/xiaoqu-1/deactivate", new JsonObject(), HttpStatusCode.OK);
        Assert.False((bool)deactivated["active"]!);

        var refused = await community.SendAsync(HttpMethod.Post, "/api/cases", start.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusal = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("小区“平桥壹号院”已停用，不能启动新案件（已有案件仍可查看）。", (string)refusal["errors"]!["compoundId"]![0]!);
        var list = JsonNode.Parse(await community.Client.GetStringAsync("/api/compounds"))!.AsArray();
        Assert.Equal(["xiaoqu-2"], list.Select(c => (string)c!["id"]!));
        var old = await community.Client.GetAsync($"/api/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal("平桥壹号院", (string)JsonNode.Parse(await old.Content.ReadAsStringAsync())!["compound"]!["name"]!);
        var stillThere = (await admin.GetAsync("/api/district/compounds")).AsArray();
        Assert.Contains(stillThere, c => (string)c!["id"]! == "xiaoqu-1" && !(bool)c["active"]!);
        // The list exports to Excel with Chinese headers, the deactivated compound marked.
        var export = await admin.Session.Client.GetAsync("/api/district/compounds/export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        await using (var xlsx = new MemoryStream(await export.Content.ReadAsByteArrayAsync()))
        {
            var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(["xiaoqu-1", "xiaoqu-2", "xiaoqu-3", "xiaoqu-4"], rows.Select(r => r["小区编码"]?.ToString()));
            Assert.Equal(("平桥壹号院", "pingzhong-1", "已停用"), (rows[0]["小区名称"]?.ToString(), rows[0]["所属社区编码"]?.ToString(), rows[0]["状态"]?.ToString()));
            Assert.Equal("在用", rows[1]["状态"]?.ToString());
        }
        var entries = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ResourceId == "xiaoqu-1").Select(e => e.Action).ToListAsync());
        Assert.Equal([DistrictAudit.Create, DistrictAudit.Update, DistrictAudit.Deactivate], entries);
    }

    [Fact]
    public async Task Bad_entries_are_refused_with_the_field_named_in_Chinese_and_nothing_is_stored()
    {
        await using var app = ProductionApp();
        using var admin = await DistrictAdmin.CreateAsync(app);
        await admin.PostAsync("/api/district/units", new JsonObject { ["id"] = "qu", ["name"] = "测试区", ["kind"] = "区" });
        await admin.PostAsync("/api/district/units", new JsonObject { ["id"] = "jd", ["name"] = "测试街道办事处", ["kind"] = "街道办事处", ["parentId"] = "qu" });

        await AssertRefusedAsync(admin, "/api/district/units",
            new JsonObject { ["id"] = "sq", ["name"] = "测试社区", ["kind"] = "社区", ["parentId"] = "qu", ["email"] = "not-an-email", ["mobile"] = "12345" },
            ("parentId", "社区的上级单位应为街道办事处，“测试区”是区。"),
            ("email", "联系邮箱“not-an-email”不是有效的电子邮箱地址。"),
            ("mobile", "联系手机“12345”不是有效的手机号码（11 位，以 1 开头）。"));
        await AssertRefusedAsync(admin, "/api/district/companies",
            new JsonObject { ["id"] = "wy", ["name"] = "测试物业", ["creditCode"] = "91411502MA44XQ1F0X" },
            ("creditCode", "统一社会信用代码“91411502MA44XQ1F0X”校验位不符（应为“Y”），请核对。"));
        await AssertRefusedAsync(admin, "/api/district/compounds",
            new JsonObject { ["id"] = "xq", ["name"] = "测试小区", ["communityId"] = "jd", ["floorArea"] = 0, ["households"] = 10, ["status"] = "无物业" },
            ("floorArea", "请填写建筑面积（平方米，大于 0）：业主表决按专有部分面积计算。"));
        await AssertRefusedAsync(admin, "/api/district/compounds",
            new JsonObject { ["id"] = "xq", ["name"] = "测试小区", ["communityId"] = "jd", ["floorArea"] = 100, ["households"] = 10, ["status"] = "无物业" },
            ("communityId", "“测试街道办事处”不是社区，是街道办事处。"));
        await AssertRefusedAsync(admin, "/api/district/units",
            new JsonObject { ["id"] = "jd", ["name"] = "重复", ["kind"] = "街道办事处", ["parentId"] = "qu" },
            ("id", "单位编码“jd”已存在。"));

        // A rename keeps the id; changing the kind is refused.
        var renamed = await admin.SendAsync(HttpMethod.Put, "/api/district/units/jd", new JsonObject { ["name"] = "测试镇", ["kind"] = "街道办事处", ["parentId"] = "qu" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("测试镇", (string)(await admin.GetAsync("/api/district/units/jd"))["name"]!);
        var deleteParent = await admin.SendAsync(HttpMethod.Delete, "/api/district/units/qu");
        Assert.Equal(HttpStatusCode.Conflict, deleteParent.StatusCode);
        Assert.Contains("有 1 个下级单位或小区，不能删除，只能停用", await deleteParent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(2, (await admin.GetAsync("/api/district/units")).AsArray().Count);
        Assert.Empty((await admin.GetAsync("/api/district/companies")).AsArray());
        Assert.Empty((await admin.GetAsync("/api/district/compounds")).AsArray());

        // Changes with the cookie must come from the service's own pages.
        var crossSite = await admin.Session.SendAsync(HttpMethod.Post, "/api/district/units",
            new JsonObject { ["id"] = "x", ["name"] = "外站", ["kind"] = "区" }.ToJsonString(), origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
    }

    internal static async Task EnterDistrictAsync(DistrictAdmin admin, string companyEmailPrefix)
    {
        foreach (var (path, body) in DistrictFixtures.Requests(companyEmailPrefix))
            await admin.PostAsync(path, body);
    }

    private static async Task AssertRefusedAsync(DistrictAdmin admin, string path, JsonObject body, params (string Field, string Message)[] expected)
    {
        var response = await admin.SendAsync(HttpMethod.Post, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        foreach (var (field, message) in expected)
        {
            Assert.True(errors[field] is JsonArray, $"no error for {field}: {text}");
            Assert.Contains(message, errors[field]!.AsArray().Select(m => (string)m!));
        }
    }

    private WorkflowsApp ProductionApp() =>
        new(definitionsPath: RepoPaths.Definitions, settings: NotificationTestKit.SmtpSettings(smtp), environment: "Production");
}

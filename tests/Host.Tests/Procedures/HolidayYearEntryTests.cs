using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.District;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Reminders;

namespace Workflows.Host.Tests.Procedures;

/// <summary>An admin enters the next year's holidays through <c>PUT /api/holidays/{year}</c>: it counts at once, and tasks that waited for it get their due dates.</summary>
public sealed class HolidayYearEntryTests
{
    private static JsonObject Year2027() => new()
    {
        ["noticeNumber"] = "国办发明电〔2026〕9号",
        ["noticeDate"] = "2026-11-12",
        ["holidays"] = new JsonArray(
            new JsonObject { ["name"] = "元旦", ["from"] = "2027-01-01", ["to"] = "2027-01-03" },
            new JsonObject { ["name"] = "春节", ["from"] = "2027-02-06", ["to"] = "2027-02-13" },
            new JsonObject { ["name"] = "国庆节", ["from"] = "2027-10-01", ["to"] = "2027-10-07" }),
        ["workdays"] = new JsonArray("2027-02-14", "2027-02-20", "2027-10-09"),
    };

    [Fact]
    public async Task Entering_2027_makes_periods_count_with_it_and_a_task_waiting_for_2027_gets_its_due_date_and_overdue_timer()
    {
        await using var app = new ProcedureApp(with2027Holidays: false);
        var before = await app.Client.GetAsync("/api/calendar/due?from=2026-12-20&days=15");
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("2027 年的节假日安排尚未录入", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // 经八路2号院's committee term ends 2027-08-31: the guidance task is due 90 days before, a 2027 date.
        var (caseId, instanceId) = await app.StartAsync("committee-reelection", "jingbalu-2hao");
        var waiting = await app.OpenTaskAsync(caseId, "启动业主委员会换届指导");
        Assert.Null(waiting["dueDate"]);

        var entered = await app.Client.PutAsJsonAsync("/api/holidays/2027", Year2027());
        var body = await entered.Content.ReadAsStringAsync();
        Assert.True(entered.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal([(string)waiting["id"]!], JsonNode.Parse(body)!["resolvedTaskIds"]!.AsArray().Select(t => (string)t!));

        var due = await app.Client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-12-20&days=15");
        Assert.Equal("2027-01-04", (string)due!["due"]!);
        // Day 12 is 元旦 (01-01), a holiday through 01-03: the entered year moves it to Monday 01-04.
        var holiday = await app.Client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-12-20&days=12");
        Assert.Equal("2027-01-04", (string)holiday!["due"]!);
        Assert.Contains(holiday["explanation"]!.AsArray(), line => ((string)line!).Contains("元旦", StringComparison.Ordinal));

        var task = await app.OpenTaskAsync(caseId, "启动业主委员会换届指导");
        Assert.Equal("2027-06-02", (string)task["dueDate"]!);
        var dueAt = task["dueAt"]!.GetValue<DateTimeOffset>();
        var timers = await app.App.DbAsync(db => db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId)
            .Join(db.Bookmarks, t => t.BookmarkId, b => b.Id, (t, b) => new { t.Status, t.DueAt, b.Name }).ToListAsync());
        Assert.Contains(timers, t => t.Name == "Pm.Overdue" && t.Status == TimerStatus.Pending && t.DueAt == dueAt);
        var reminders = await app.App.DbAsync(db => db.Reminders.AsNoTracking().Where(r => r.SubjectId == (string)task["id"]!).Select(r => r.Stage).ToListAsync());
        Assert.Contains("reminder-1d", reminders);

        // The overdue timer fires on the day after the due date, like any task's.
        await app.App.AdvanceAsync(app.Client, days: 251);
        var overdue = await app.OpenTaskAsync(caseId, "启动业主委员会换届指导");
        Assert.True((bool)overdue["overdue"]!, overdue.ToJsonString());

        var audit = await app.App.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == DistrictAudit.HolidayYearEnter && e.ResourceId == "2027").CountAsync());
        Assert.Equal(1, audit);
        var year = await app.Client.GetFromJsonAsync<JsonObject>("/api/holidays/2027");
        Assert.Equal(("国办发明电〔2026〕9号", false, "管理员录入"), ((string)year!["noticeNumber"]!, (bool)year["unofficial"]!, (string)year["originName"]!));
    }

    [Fact]
    public async Task An_invalid_year_is_refused_with_each_date_named_and_nothing_is_stored()
    {
        await using var app = new ProcedureApp(with2027Holidays: false);
        var response = await app.Client.PutAsJsonAsync("/api/holidays/2028", new JsonObject
        {
            ["holidays"] = new JsonArray(
                new JsonObject { ["name"] = "元旦", ["from"] = "2027-12-31", ["to"] = "2028-01-01" },
                new JsonObject { ["name"] = "春节", ["from"] = "2028-01-26", ["to"] = "2028-02-01" }),
            ["workdays"] = new JsonArray("2028-01-05", "2028-01-29"),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var errors = JsonNode.Parse(text)!["errors"]!;
        Assert.Equal("请填写国务院通知文号。", (string)errors["noticeNumber"]![0]!);
        Assert.Equal("元旦的放假首日 2027-12-31 不在 2028 年内；跨年的假期请分别录入各自年份。", (string)errors["holidays[0].from"]![0]!);
        Assert.Equal("调休上班日 2028-01-05 是星期三，调休上班日应为周六或周日。", (string)errors["workdays[0]"]![0]!);
        Assert.Equal("2028-01-29 同时在春节假期内，同一天不能既放假又调休上班。", (string)errors["workdays[1]"]![0]!);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/holidays/2028")).StatusCode);
        Assert.Equal(0, await app.App.DbAsync(db => db.Set<Workflows.Host.PropertyManagement.Calendar.HolidayYearRow>().CountAsync()));
    }
}

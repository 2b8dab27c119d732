using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Notifications;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Procedures;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Host.Tests.Reminders;

/// <summary>
/// contract-filing signed on Friday 2026-09-25 (the clock's start): day 15 is Saturday 10-10, a make-up working day,
/// so the filing is due 2026-10-10 17:30. Reminders go out at 09:00 China time on 10-05 (5 days), 10-09 (1 day) and
/// 10-10 (the due day) to the company, and on 10-11 as 催办 to the housing bureau.
/// </summary>
public sealed class ContractFilingReminderTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    private const string FiveDays = "【期限提醒】物业服务合同备案将于2026-10-10到期（还有5天）";
    private const string OneDay = "【期限提醒】物业服务合同备案明天到期";

    [Fact]
    public async Task Company_gets_the_5_day_and_1_day_reminders_once_each_across_sweeps_and_a_restart()
    {
        smtp.Start();
        var dataPath = TempFolder.Create("reminders");
        var email = $"company-{Guid.NewGuid():N}@wuye.test";
        DateTimeOffset stoppedAt;
        string caseId;
        await using (var app = NewApp(dataPath))
        {
            var client = app.CreateApiClient();
            (caseId, _) = await StartCaseAsync(client, email);
            var planned = await app.DbAsync(db => db.Reminders.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.DueAt).ToListAsync());
            Assert.Equal(["reminder-5d", "reminder-1d", "due-today", "overdue-urge"], planned.Select(r => r.Stage));
            Assert.Equal(new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.FromHours(8)), planned[0].DueAt);

            await app.AdvanceAsync(client, days: 9, hours: 23); // 10-05 08:00: not yet
            await app.WaitForOutboxIdleAsync();
            Assert.Empty(smtp.MessagesTo(email));

            await app.AdvanceAsync(client, hours: 1); // 10-05 09:00
            var five = await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(email));
            Assert.Equal(FiveDays, five.Subject);
            Assert.Equal(email, Assert.Single(five.To).Address);
            Assert.Contains("测试物业服务有限公司应办理的“物业服务合同备案”将于 2026-10-10 17:30 到期，距到期还有 5 天", five.TextBody, StringComparison.Ordinal);
            Assert.Contains("受理单位：浉河区住房和城乡建设局", five.TextBody, StringComparison.Ordinal);
            await app.WaitForOutboxIdleAsync();

            // The sweep again, and a day later: nothing new.
            await app.RunAsync(sp => sp.GetRequiredService<NotificationSweep>().RunAsync());
            await app.AdvanceAsync(client, hours: 12);
            await app.WaitForOutboxIdleAsync();
            Assert.Single(smtp.MessagesTo(email));

            await app.AdvanceAsync(client, days: 3, hours: 12); // 10-09 09:00
            var one = await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(email) && m.Subject == OneDay);
            Assert.Contains("明天（2026-10-10 17:30）到期", one.TextBody, StringComparison.Ordinal);
            await app.WaitForOutboxIdleAsync();
            stoppedAt = app.Clock.GetUtcNow();
        }

        // A new process on the same database: Hangfire's jobs are gone, the rows are not.
        await using (var again = NewApp(dataPath, stoppedAt))
        {
            var client = again.CreateApiClient();
            await again.RunAsync(sp => sp.GetRequiredService<NotificationSweep>().RunAsync());
            await again.AdvanceAsync(client, hours: 2);
            await again.WaitForOutboxIdleAsync();
            var subjects = smtp.MessagesTo(email).Select(m => m.Subject).ToList();
            Assert.Equal(1, subjects.Count(s => s == FiveDays));
            Assert.Equal(1, subjects.Count(s => s == OneDay));
            var rows = await again.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.CaseId == caseId).ToListAsync());
            Assert.All(rows, m => Assert.Equal(OutboxStatus.Sent, m.Status));
            // Email and SMS (log-only here) for each of the two stages.
            Assert.Equal(4, rows.Count);
            Assert.Equal(2, rows.Count(m => m.Channel == "Sms" && m.Recipient == "13912345678"));
        }
    }

    [Fact]
    public async Task Recording_the_filing_cancels_the_reminders_still_to_come()
    {
        smtp.Start();
        var email = $"filed-{Guid.NewGuid():N}@wuye.test";
        await using var app = NewApp(TempFolder.Create("reminders"));
        var client = app.CreateApiClient();
        var (caseId, _) = await StartCaseAsync(client, email);
        await app.AdvanceAsync(client, days: 10); // 10-05 09:00: the 5-day reminder
        await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(email));

        var view = await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        var filingId = (string)view!["filings"]![0]!["id"]!;
        var recorded = await client.PostAsJsonAsync($"/api/filings/{filingId}/record", new JsonObject { ["filedOn"] = "2026-10-05" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);

        await app.AdvanceAsync(client, days: 7);
        await app.WaitForOutboxIdleAsync();
        // The procedure's own notice that the filing was recorded, and no reminder after the 5-day one.
        Assert.Equal([FiveDays, "物业服务合同备案已登记"], smtp.MessagesTo(email).Select(m => m.Subject));
        var reminders = await app.DbAsync(db => db.Reminders.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync());
        Assert.Equal(ReminderStatus.Fired, reminders.Single(r => r.Stage == "reminder-5d").Status);
        Assert.All(reminders.Where(r => r.Stage != "reminder-5d"), r => Assert.Equal(ReminderStatus.Cancelled, r.Status));
    }

    [Fact]
    public async Task Smtp_down_when_a_reminder_is_due_is_retried_with_back_off_and_delivered_exactly_once()
    {
        smtp.Start();
        var email = $"retry-{Guid.NewGuid():N}@wuye.test";
        await using var app = NewApp(TempFolder.Create("reminders"));
        var client = app.CreateApiClient();
        await StartCaseAsync(client, email);
        smtp.Stop();
        try
        {
            await app.AdvanceAsync(client, days: 10); // 10-05 09:00
            OutboxMessage? message = null;
            await NotificationTestKit.WaitUntilAsync(async () =>
            {
                message = (await app.OutboxAsync()).SingleOrDefault(m => m.Recipient == email);
                return message is { Status: OutboxStatus.Pending, Attempts: 1, NextAttemptAt: not null };
            }, "the first attempt to fail");
            var failed = Assert.Single(await app.AttemptsAsync(message!.Id));
            Assert.Equal(DeliveryOutcome.TransientFailure, failed.Outcome);
            Assert.Equal("ConnectionFailed", failed.ErrorCode);
            Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), message.NextAttemptAt);

            smtp.Start();
            await app.AdvanceAsync(client, minutes: 2);
            var received = await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(email));
            Assert.Equal(FiveDays, received.Subject);
            await app.WaitForOutboxIdleAsync();
            await app.AdvanceAsync(client, hours: 6);
            await app.WaitForOutboxIdleAsync();
            Assert.Single(smtp.MessagesTo(email));
            var sent = (await app.OutboxAsync()).Single(m => m.Recipient == email);
            Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
            Assert.Equal([DeliveryOutcome.TransientFailure, DeliveryOutcome.Sent], (await app.AttemptsAsync(sent.Id)).Select(a => a.Outcome));
        }
        finally
        {
            smtp.Start();
        }
    }

    private WorkflowsApp NewApp(string dataPath, DateTimeOffset? start = null) =>
        NotificationTestKit.App(smtp, dataPath, start, definitionsPath: RepoPaths.Definitions, settings: new Dictionary<string, string?>
        {
            ["Calendar:HolidaysFile"] = Path.Combine(AppContext.BaseDirectory, "Procedures", "holidays-2027-test.json"),
        });

    private static async Task<(string CaseId, string InstanceId)> StartCaseAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/cases", new JsonObject
        {
            ["procedure"] = "contract-filing",
            ["compoundId"] = "minquan-garden",
            ["input"] = new JsonObject
            {
                ["signedOn"] = "2026-09-25",
                ["company"] = new JsonObject { ["name"] = "测试物业服务有限公司", ["email"] = email, ["mobile"] = "13912345678" },
            },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonNode.Parse(body)!;
        return ((string)json["caseId"]!, (string)json["workflowInstanceId"]!);
    }
}

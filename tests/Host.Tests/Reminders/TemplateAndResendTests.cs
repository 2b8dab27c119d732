using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Host.Tests.Reminders;

public sealed class TemplateAndResendTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task Template_preview_renders_the_sample_data_and_reports_a_syntax_error_with_its_line()
    {
        await using var app = NotificationTestKit.App(smtp);
        var client = app.CreateApiClient();

        var ok = await client.PostAsJsonAsync("/api/notifications/templates/reminder-5d/Email/preview",
            new { subject = "{{ title }}还有{{ days_left }}天", body = "{{ recipient_name }}：\n请于 {{ due_date }} 前办理。" });
        var good = (await ok.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)good["ok"]!);
        Assert.Equal("物业服务合同备案还有5天", (string)good["subject"]!);
        Assert.Equal("张经理：\n请于 2026-10-10 前办理。", (string)good["body"]!);

        var bad = await client.PostAsJsonAsync("/api/notifications/templates/reminder-5d/Email/preview",
            new { subject = "提醒", body = "第一行\n{% if due_date %}\n第三行 {{ title }}\n{% endfor %}\n" });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)errors["ok"]!);
        var error = Assert.Single(errors["errors"]!.AsArray())!;
        Assert.Equal(("body", 4), ((string)error["field"]!, (int)error["line"]!));

        var unclosed = await client.PostAsJsonAsync("/api/notifications/templates/reminder-5d/Email/preview",
            new { subject = "提醒", body = "a\nb\n{% if title %}\nc" });
        Assert.Equal(3, (int)(await unclosed.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!["line"]!);

        var sms = await client.PostAsJsonAsync("/api/notifications/templates/reminder-5d/Sms/preview",
            new { smsTemplateCode = "SMS_1", body = "{{ title }}", smsParameters = "title: {{ title }}\ndue_date: {{ due_date | nosuchfilter: }" });
        var smsErrors = (await sms.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)smsErrors["ok"]!);
        Assert.Equal(("smsParameters", 2), ((string)smsErrors["errors"]![0]!["field"]!, (int)smsErrors["errors"]![0]!["line"]!));

        // Saving a broken template is refused; a good one overrides the default, and reset brings the default back.
        var refused = await client.PutAsJsonAsync("/api/notifications/templates/reminder-5d/Email", new { subject = "x", body = "{% if %}" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var saved = await client.PutAsJsonAsync("/api/notifications/templates/reminder-5d/Email", new { subject = "新主题 {{ title }}", body = "新正文" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var current = await client.GetFromJsonAsync<JsonObject>("/api/notifications/templates/reminder-5d/Email");
        Assert.Equal(("新主题 {{ title }}", false), ((string)current!["subject"]!, (bool)current["isDefault"]!));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/notifications/templates/reminder-5d/Email")).StatusCode);
        Assert.True((bool)(await client.GetFromJsonAsync<JsonObject>("/api/notifications/templates/reminder-5d/Email"))!["isDefault"]!);

        var page = await client.GetPageAsync("/admin/templates");
        Assert.Equal("到期前5天提醒", page.Text("tr[data-template='reminder-5d/Email'] td a"));
        Assert.Equal("系统默认", page.Text("tr[data-template='reminder-5d/Email'] .pill"));
    }

    [Fact]
    public async Task Resend_creates_a_new_message_with_a_new_key_and_sends_it_again()
    {
        smtp.Start();
        await using var app = NotificationTestKit.App(smtp);
        var client = app.CreateApiClient();
        var to = $"resend-{Guid.NewGuid():N}@wuye.test";
        var id = await app.DbAsync(async db =>
        {
            var m = new OutboxMessage { Id = Guid.NewGuid().ToString("N"), IdempotencyKey = "test:" + to, Channel = "Email", Recipient = to,
                Subject = "原消息", Body = "正文", CreatedAt = app.Clock.GetUtcNow() };
            db.Outbox.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        await app.AdvanceAsync(client, minutes: 1);
        await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(to));

        var response = await client.PostAsync($"/api/notifications/messages/{id}/resend", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var copy = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("test:" + to + ":resend:1", id), ((string)copy["idempotencyKey"]!, (string)copy["resendOf"]!));
        await NotificationTestKit.WaitUntilAsync(() => Task.FromResult(smtp.MessagesTo(to).Count == 2), "the resent email");

        var log = await client.GetFromJsonAsync<JsonObject>($"/api/notifications/messages?recipient={to}&status=Sent");
        Assert.Equal(2, (int)log!["total"]!);
        var html = await client.GetPageAsync($"/admin/notifications?recipient={to}");
        var rows = html.QuerySelectorAll("tr[data-message]");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, row => Assert.Equal("已发送", row.Text("[data-status]")));
        Assert.All(rows, row => Assert.Equal("重发", row.Text("form button")));
        Assert.All(rows, row => Assert.NotNull(row.QuerySelector("form input[name=__RequestVerificationToken]")));
    }
}

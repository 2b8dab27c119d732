using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Notifications.Templates;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Host.Tests.Reminders;

/// <summary>
/// Message templates run the same Liquid engine as workflow expressions: a runaway template must be refused with the
/// reason when an admin previews or saves it, and one that still fails when a reminder fires must not be retried forever.
/// </summary>
public sealed class TemplateLimitsTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    private const string Runaway = "{{ title }}{% for i in (1..100000000) %}x{% endfor %}";

    [Theory]
    [InlineData(Runaway, "范围 (1..100000000) 超过 10000 个数")]
    [InlineData("{% for i in (1..9000) %}{% for j in (1..9000) %}{% endfor %}{% endfor %}", "执行步数超过 10000")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..100) %}{% assign s = s | append: s %}{% endfor %}{{ s }}", "超过 65536 个字符")]
    public async Task A_runaway_template_is_refused_at_preview_and_at_save_with_the_reason(string body, string reason)
    {
        await using var app = NotificationTestKit.App(smtp);
        var client = app.CreateApiClient();
        var edit = new { subject = "提醒 {{ title }}", body };

        var preview = await client.PostAsJsonAsync("/api/notifications/templates/reminder-5d/Email/preview", edit);
        var result = (await preview.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)result["ok"]!);
        var error = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal("body", (string)error["field"]!);
        Assert.Contains("Liquid 模板运行超出限制", (string)error["message"]!);
        Assert.Contains(reason, (string)error["message"]!);

        var save = await client.PutAsJsonAsync("/api/notifications/templates/reminder-5d/Email", edit);
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        var problem = (await save.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(reason, (string)problem["errors"]!["body"]![0]!);
        Assert.True((bool)(await client.GetFromJsonAsync<JsonObject>("/api/notifications/templates/reminder-5d/Email"))!["isDefault"]!);
    }

    [Fact]
    public async Task A_reminder_whose_template_does_not_render_is_marked_failed_once_and_not_retried()
    {
        await using var app = NotificationTestKit.App(smtp);
        var now = app.Clock.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        await app.DbAsync(async db =>
        {
            // Stored before templates were bounded (the API refuses it now); a kind with no shipped default to fall back on.
            db.NotificationTemplates.Add(new TemplateRecord { Kind = "street-notice", Channel = "Email", Subject = "通知", Body = Runaway, UpdatedAt = now });
            db.Reminders.Add(new ReminderRecord
            {
                Id = id, Key = $"Test:{id}:street-notice", SubjectKind = "Test", SubjectId = id, Stage = "street-notice",
                TemplateKind = "street-notice", DueAt = now.AddMinutes(-1), CreatedAt = now.AddDays(-1), Status = ReminderStatus.Pending,
                ModelJson = """{"title":"物业服务合同备案"}""",
                RecipientsJson = """[{"channel":"Email","address":"street@wuye.test","name":"街道办"}]""",
            });
            return await db.SaveChangesAsync();
        });

        var firstSweep = await FireDueAsync(app);
        var failed = await app.DbAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.Id == id));
        var secondSweep = await FireDueAsync(app);
        var after = await app.DbAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.Id == id));

        Assert.Equal((0, ReminderStatus.Failed), (firstSweep, failed.Status));
        Assert.Contains("Liquid 模板运行超出限制", failed.Error);
        Assert.Equal(now, failed.FailedAt);
        Assert.Equal(0, secondSweep);
        Assert.Equal((ReminderStatus.Failed, failed.FailedAt), (after.Status, after.FailedAt));
        Assert.Empty(await app.DbAsync(db => db.Outbox.Where(m => m.SubjectId == id).ToListAsync()));
    }

    private static Task<int> FireDueAsync(Infrastructure.WorkflowsApp app) =>
        app.RunAsync(services => services.GetRequiredService<ReminderFiring>().FireDueAsync());
}

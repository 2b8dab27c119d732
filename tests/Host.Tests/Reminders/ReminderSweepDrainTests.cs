using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Notifications;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Workflows.Host.Tests.Reminders;

/// <summary>
/// The probe's reproduction: the sweep fired at most 500 reminders per run, so after a busy day the rest went out
/// minutes late. One sweep now drains everything that is due.
/// </summary>
public sealed class ReminderSweepDrainTests(ITestOutputHelper output)
{
    private const int Due = 4000;

    [Fact]
    public async Task Four_thousand_reminders_due_at_once_are_all_fired_and_queued_by_one_sweep()
    {
        // Email off (marked NotSent), and the recurring sweep only once a year: the test runs the one sweep itself.
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?>
        {
            ["Smtp:Disabled"] = "true",
            ["Notifications:SweepCron"] = "0 0 1 1 *",
        });
        var dueAt = app.Clock.GetUtcNow().AddDays(1);
        await app.DbAsync(async db =>
        {
            db.Reminders.AddRange(Enumerable.Range(0, Due).Select(i => Reminder(i, dueAt, app.Clock.GetUtcNow())));
            return await db.SaveChangesAsync();
        });
        // The service's clock reaches the due time (moved directly: the rehearsal endpoint would run a sweep itself).
        app.Clock.Advance(TimeSpan.FromDays(1));

        var watch = Stopwatch.StartNew();
        var result = await app.RunAsync(sp => sp.GetRequiredService<NotificationSweep>().RunAsync());
        output.WriteLine($"One sweep fired {result.RemindersFired} reminders and queued {result.MessagesQueued} messages in {watch.Elapsed}");

        Assert.Equal(Due, result.RemindersFired);
        Assert.Equal(0, await app.DbAsync(db => db.Reminders.CountAsync(r => r.Status == ReminderStatus.Pending)));
        Assert.Equal(Due, await app.DbAsync(db => db.Outbox.CountAsync(m => m.Stage == "reminder-1d")));
        // Every message was handed to a worker by that sweep; the workers go through all of them.
        await NotificationTestKit.WaitUntilAsync(async () => !await app.DbAsync(db => db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)),
            "every message to be dispatched", TimeSpan.FromMinutes(5));
        Assert.Equal(Due, await app.DbAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.NotSent)));
    }

    private static ReminderRecord Reminder(int i, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        Id = $"drain-{i:D5}",
        Key = $"Task:drain-task-{i:D5}:reminder-1d",
        SubjectKind = SubjectKinds.Task,
        SubjectId = $"drain-task-{i:D5}",
        Stage = "reminder-1d",
        TemplateKind = "reminder-1d",
        DaysBefore = 1,
        DueAt = dueAt,
        Status = ReminderStatus.Pending,
        CreatedAt = now,
        ModelJson = """{"title":"受理投诉","due_date":"2026-09-27"}""",
        RecipientsJson = $$"""[{"channel":"Email","address":"office{{i}}@wuye.test","name":"经办人"}]""",
    };
}

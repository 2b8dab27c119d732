using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Host.Tests.Reminders;

/// <summary>Apps wired to the loopback SMTP server, and bounded waits on the database (never a bare sleep).</summary>
internal static class NotificationTestKit
{
    public static WorkflowsApp App(SmtpServerFixture smtp, string? dataPath = null, DateTimeOffset? start = null,
        Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null, string? definitionsPath = null)
    {
        var all = SmtpSettings(smtp);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return new WorkflowsApp(dataPath, definitionsPath, start, all, services: services);
    }

    /// <summary>The settings that send email to the loopback SMTP server.</summary>
    public static Dictionary<string, string?> SmtpSettings(SmtpServerFixture smtp) => new()
    {
        ["Smtp:Host"] = smtp.Host,
        ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:FromAddress"] = "noreply@wuye.test",
        ["Smtp:TimeoutSeconds"] = "5",
        // Production test hosts run with email disabled unless they are given a server (this one).
        ["Smtp:Disabled"] = "false",
    };

    public static async Task<T> DbAsync<T>(this WorkflowsApp app, Func<WorkflowsDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>());
    }

    public static Task<List<OutboxMessage>> OutboxAsync(this WorkflowsApp app) =>
        app.DbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());

    public static Task<List<DeliveryAttempt>> AttemptsAsync(this WorkflowsApp app, string messageId) =>
        app.DbAsync(db => db.DeliveryAttempts.AsNoTracking().Where(a => a.OutboxMessageId == messageId).OrderBy(a => a.Id).ToListAsync());

    /// <summary>Polls until <paramref name="condition"/> holds; fails after <paramref name="timeout"/> (default 20 s).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for: {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until no message is being sent (under a live lease) and none is due: all sent, failed or waiting for a
    /// later retry.
    /// </summary>
    public static Task WaitForOutboxIdleAsync(this WorkflowsApp app) =>
        WaitUntilAsync(async () =>
        {
            var now = app.Clock.GetUtcNow();
            var wall = DateTimeOffset.UtcNow;
            return !await app.DbAsync(db => db.Outbox.AnyAsync(m =>
                (m.Status == OutboxStatus.Sending && m.LeaseUntil > wall)
                || (m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))));
        }, "the outbox to be idle");

    public static async Task<T> RunAsync<T>(this WorkflowsApp app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Scope();
        return await action(scope.ServiceProvider);
    }
}

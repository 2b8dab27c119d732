using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Notifications.Tests.Infrastructure;
using static Workflows.Host.Tests.Infrastructure.Flowcharts;

namespace Workflows.Host.Tests.Reminders;

public sealed class OutboxDeliveryTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    private static JsonObject SendEmailFlow(string id, string to) => Definition(id, "发邮件",
        [
            Activity("start", "Elsa.Start"),
            Activity("mail", "Elsa.SendEmail",
                ("to", Literal("List<String>", new JsonArray(to))),
                ("subject", Literal("String", "合同备案通知")),
                ("body", Literal("String", "请于十月十日前办理备案。"))),
        ],
        [Connect("start", "mail")]);

    [Fact]
    public async Task Email_of_a_workflow_is_sent_after_commit_by_a_background_job_and_the_attempt_is_logged()
    {
        smtp.Start();
        await using var app = NotificationTestKit.App(smtp);
        var client = app.CreateApiClient();
        var to = $"office-{Guid.NewGuid():N}@wuye.test";
        await client.SaveAsync(SendEmailFlow("mail-once", to), publish: true);
        await client.ExecuteAsync("mail-once");

        var received = await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(to));
        Assert.Equal("合同备案通知", received.Subject);
        await app.WaitForOutboxIdleAsync();
        var message = Assert.Single(await app.OutboxAsync(), m => m.Recipient == to);
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(received.MessageId, message.ProviderMessageId);
        var attempt = Assert.Single(await app.AttemptsAsync(message.Id));
        Assert.Equal(DeliveryOutcome.Sent, attempt.Outcome);
        Assert.Equal(received.MessageId, attempt.ProviderMessageId);
    }

    [Fact]
    public async Task Two_dispatchers_racing_on_one_message_send_it_once()
    {
        smtp.Start();
        await using var app = NotificationTestKit.App(smtp, settings: QuietSweep);
        var to = $"race-{Guid.NewGuid():N}@wuye.test";
        // Due a minute from now, so that no job of the app's own picks it up before the race.
        var id = await InsertAsync(app, to, app.Clock.GetUtcNow().AddMinutes(1));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        // Two scopes are two DbContexts on two connections, as two hosts would be.
        async Task<DispatchOutcome> DispatchAsync() =>
            await app.RunAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync(id));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(DispatchAsync)));

        // The app's own sweep may be a fifth racer and win the claim, so at most one of these four sends; every
        // other one finds the message claimed. Shown whole so that a failure tells what each dispatcher got.
        Assert.True(outcomes.Count(o => o == DispatchOutcome.Sent) <= 1 && outcomes.All(o => o is DispatchOutcome.Sent or DispatchOutcome.NotClaimed),
            "outcomes: " + string.Join(", ", outcomes));
        await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(to));
        await app.WaitForOutboxIdleAsync();
        Assert.Single(smtp.MessagesTo(to));
        Assert.Single(await app.AttemptsAsync(id));
        Assert.Equal(1, (await app.OutboxAsync()).Single(m => m.Id == id).Attempts);
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_worker_is_taken_over_only_after_its_lease_expires()
    {
        smtp.Start();
        await using var app = NotificationTestKit.App(smtp, settings: QuietSweep);
        var client = app.CreateApiClient();
        var live = $"live-{Guid.NewGuid():N}@wuye.test";
        var dead = $"dead-{Guid.NewGuid():N}@wuye.test";
        // What workers leave behind between claim and report: one still within its lease (wall clock), one past it.
        var liveId = await InsertAsync(app, live, leaseUntil: DateTimeOffset.UtcNow.AddMinutes(5));
        var deadId = await InsertAsync(app, dead, leaseUntil: DateTimeOffset.UtcNow.AddSeconds(-1));

        // A jump of the rehearsal clock does not expire a lease: leases run on the wall clock.
        await app.AdvanceAsync(client, days: 1);
        await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(dead));
        await NotificationTestKit.WaitUntilAsync(async () => (await app.OutboxAsync()).Single(m => m.Id == deadId).Status == OutboxStatus.Sent,
            "the abandoned message to be recorded as sent");
        Assert.Equal(DispatchOutcome.NotClaimed, await app.RunAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync(liveId)));
        Assert.Empty(smtp.MessagesTo(live));

        var attempts = await app.AttemptsAsync(deadId);
        Assert.Equal([DeliveryOutcome.Interrupted, DeliveryOutcome.Sent], attempts.Select(a => a.Outcome));
        Assert.Equal([1, 2], attempts.Select(a => a.Attempt));
        var outbox = await app.OutboxAsync();
        Assert.Equal(OutboxStatus.Sent, outbox.Single(m => m.Id == deadId).Status);
        Assert.Equal(OutboxStatus.Sending, outbox.Single(m => m.Id == liveId).Status);
    }

    [Fact]
    public async Task Smtp_down_keeps_the_message_pending_with_backoff_and_it_is_delivered_exactly_once_when_the_server_is_back()
    {
        await using var app = NotificationTestKit.App(smtp);
        var client = app.CreateApiClient();
        var to = $"down-{Guid.NewGuid():N}@wuye.test";
        smtp.Stop();
        try
        {
            var id = await InsertAsync(app, to);
            var queuedAt = app.Clock.GetUtcNow();
            await app.AdvanceAsync(client, minutes: 1); // the sweep queues it; the first attempt fails
            await NotificationTestKit.WaitUntilAsync(async () => (await app.AttemptsAsync(id)).Count == 1, "the first failed attempt");
            var first = (await app.OutboxAsync()).Single(m => m.Id == id);
            Assert.Equal(OutboxStatus.Pending, first.Status);
            Assert.Equal(queuedAt.AddMinutes(1).AddMinutes(1), first.NextAttemptAt);
            Assert.Equal(DeliveryOutcome.TransientFailure, (await app.AttemptsAsync(id))[0].Outcome);

            // Second failure: the wait grows to 5 minutes.
            await app.AdvanceAsync(client, minutes: 1);
            await NotificationTestKit.WaitUntilAsync(async () => (await app.AttemptsAsync(id)).Count == 2, "the second failed attempt");
            await app.WaitForOutboxIdleAsync();
            var second = (await app.OutboxAsync()).Single(m => m.Id == id);
            Assert.Equal(OutboxStatus.Pending, second.Status);
            Assert.Equal(queuedAt.AddMinutes(2).AddMinutes(5), second.NextAttemptAt);
            Assert.NotNull(second.LastError);

            smtp.Start();
            // Not yet due: a sweep now must not send it early.
            await app.AdvanceAsync(client, minutes: 4);
            await app.WaitForOutboxIdleAsync();
            Assert.Empty(smtp.MessagesTo(to));

            await app.AdvanceAsync(client, minutes: 1);
            await smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(to));
            await app.WaitForOutboxIdleAsync();
            var sent = (await app.OutboxAsync()).Single(m => m.Id == id);
            Assert.Equal(OutboxStatus.Sent, sent.Status);
            Assert.Equal(3, sent.Attempts);
            Assert.Equal([DeliveryOutcome.TransientFailure, DeliveryOutcome.TransientFailure, DeliveryOutcome.Sent],
                (await app.AttemptsAsync(id)).Select(a => a.Outcome));

            // More sweeps later change nothing.
            await app.AdvanceAsync(client, hours: 3);
            await app.WaitForOutboxIdleAsync();
            Assert.Single(smtp.MessagesTo(to));
        }
        finally
        {
            smtp.Start();
        }
    }

    [Fact]
    public async Task A_retry_that_is_delivered_clears_the_error_of_the_failed_attempt()
    {
        await using var app = NotificationTestKit.App(smtp, settings: QuietSweep);
        var to = $"retry-{Guid.NewGuid():N}@wuye.test";
        smtp.Stop();
        try
        {
            // Due a minute from now, so that no job of the app's own picks it up first.
            var id = await InsertAsync(app, to, app.Clock.GetUtcNow().AddMinutes(1));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(DispatchOutcome.RetryScheduled, await DispatchAsync(app, id));
            Assert.NotNull((await app.OutboxAsync()).Single(m => m.Id == id).LastError);

            smtp.Start();
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(DispatchOutcome.Sent, await DispatchAsync(app, id));

            var sent = (await app.OutboxAsync()).Single(m => m.Id == id);
            Assert.Equal(OutboxStatus.Sent, sent.Status);
            Assert.Null(sent.LastError);
            Assert.Equal([DeliveryOutcome.TransientFailure, DeliveryOutcome.Sent], (await app.AttemptsAsync(id)).Select(a => a.Outcome));
        }
        finally
        {
            smtp.Start();
        }
    }

    private static Task<DispatchOutcome> DispatchAsync(WorkflowsApp app, string id) =>
        app.RunAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync(id));

    [Fact]
    public async Task A_permanent_failure_is_marked_failed_without_retries()
    {
        smtp.Start();
        await using var app = NotificationTestKit.App(smtp);
        var client = app.CreateApiClient();
        var id = await InsertAsync(app, $"reject5-{Guid.NewGuid():N}@wuye.test");
        await app.AdvanceAsync(client, minutes: 1);
        await NotificationTestKit.WaitUntilAsync(async () => (await app.OutboxAsync()).Single(m => m.Id == id).Status == OutboxStatus.Failed, "the message to fail");
        var attempt = Assert.Single(await app.AttemptsAsync(id));
        Assert.Equal(DeliveryOutcome.PermanentFailure, attempt.Outcome);
        Assert.StartsWith("5", attempt.ErrorCode, StringComparison.Ordinal);
    }

    /// <summary>The recurring sweep only once a year: these tests drive every dispatch themselves.</summary>
    private static readonly Dictionary<string, string?> QuietSweep = new() { ["Notifications:SweepCron"] = "0 0 1 1 *" };

    private static Task<string> InsertAsync(WorkflowsApp app, string to, DateTimeOffset? dueAt = null, DateTimeOffset? leaseUntil = null) => app.DbAsync(async db =>
    {
        var message = new OutboxMessage
        {
            NextAttemptAt = dueAt,
            Status = leaseUntil is null ? OutboxStatus.Pending : OutboxStatus.Sending,
            Attempts = leaseUntil is null ? 0 : 1,
            LeaseUntil = leaseUntil,
            LeaseToken = leaseUntil is null ? null : "dead-worker",
            Id = Guid.NewGuid().ToString("N"),
            IdempotencyKey = "test:" + to,
            Channel = "Email",
            Recipient = to,
            Subject = "测试",
            Body = "正文",
            CreatedAt = app.Clock.GetUtcNow(),
        };
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });
}

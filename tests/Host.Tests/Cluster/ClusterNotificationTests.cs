using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Notifications;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Persistence;
using Workflows.Host.Scheduling;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Reminders;
using Workflows.Notifications.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Workflows.Host.Tests.Cluster;

/// <summary>
/// The outbox under two Host processes: every message is woken twice (as the sweep and a retry can), the two
/// wake-ups land on whichever host's workers fetch them, and the claim lets exactly one of them send.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ClusterNotificationTests(PostgreSqlServer server, SmtpServerFixture smtp, ITestOutputHelper output) : IClassFixture<SmtpServerFixture>, IDisposable
{
    [Fact]
    public async Task Two_hosts_woken_twice_for_every_message_send_each_message_exactly_once()
    {
        const int count = 100;
        smtp.Clear();
        var connectionString = await server.CreateDatabaseAsync();
        var environment = ClusterHosts.Environment(connectionString, TempFolder.Create("no-definitions"));
        foreach (var (key, value) in TestDatabase.AsEnvironment(NotificationTestKit.SmtpSettings(smtp)))
            environment[key] = value;
        var hosts = await ClusterHosts.StartAsync(2, environment);
        try
        {
            var clock = Stopwatch.StartNew();
            var ids = await AddMessagesAsync(connectionString, count);
            // Both wake-ups of a message next to each other in the queue, so that two workers fetch them together.
            var jobs = new BackgroundJobClient(HangfireStorage.Create(
                new DatabaseOptions { Database = DatabaseOptions.PostgreSql, ConnectionString = connectionString }, new SchedulingOptions()));
            foreach (var id in ids)
            {
                jobs.Enqueue<NotificationJobs>(j => j.SendAsync(id, CancellationToken.None));
                jobs.Enqueue<NotificationJobs>(j => j.SendAsync(id, CancellationToken.None));
            }

            await using var db = ClusterHosts.Database(connectionString);
            await NotificationTestKit.WaitUntilAsync(async () => await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent) == count,
                "every message sent", TimeSpan.FromSeconds(90));
            output.WriteLine($"{count} messages sent {clock.Elapsed.TotalSeconds:F0} s after they were written");
            // The second wake-ups must have run too before the sink is counted, or a late duplicate would go unseen.
            await NotificationTestKit.WaitUntilAsync(async () => await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing') AND invocationdata::text LIKE '%SendAsync%'").SingleAsync() == 0,
                "every wake-up job done", TimeSpan.FromSeconds(60));
            output.WriteLine($"every wake-up job done {clock.Elapsed.TotalSeconds:F0} s after the messages were written");
            Assert.All(hosts, h => Assert.False(h.HasExited));
            var received = smtp.Messages.GroupBy(m => m.Subject).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(ids.Select(Subject).Order(StringComparer.Ordinal), received.Keys.Order(StringComparer.Ordinal));
            Assert.All(received, r => Assert.True(r.Value == 1, $"{r.Key} arrived {r.Value} times"));
            var attempts = await db.DeliveryAttempts.AsNoTracking().ToListAsync();
            Assert.Equal(ids.Order(StringComparer.Ordinal), attempts.Select(a => a.OutboxMessageId).Order(StringComparer.Ordinal));
            Assert.All(attempts, a => Assert.Equal(DeliveryOutcome.Sent, a.Outcome));
            Assert.All(await db.Outbox.AsNoTracking().ToListAsync(), m => Assert.Equal(1, m.Attempts));
            // Both hosts did part of the sending: the claim, not one idle host, is what kept the second wake-up silent.
            Assert.Equal(2, attempts.Select(a => a.Worker).Distinct().Count());
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    private static string Subject(string messageId) => $"集群通知 {messageId}";

    /// <summary>Pending email messages written straight into the outbox, as a burst or a reminder writes them.</summary>
    private static async Task<List<string>> AddMessagesAsync(string connectionString, int count)
    {
        await using var db = ClusterHosts.Database(connectionString);
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, count).Select(i => $"cluster-message-{i:D4}").ToList();
        db.Outbox.AddRange(ids.Select(id => new OutboxMessage
        {
            Id = id, IdempotencyKey = id, Channel = Channels.Email, Recipient = "officer@example.cn", Subject = Subject(id),
            Body = "集群中每条通知只发送一次", CreatedAt = now,
        }));
        await db.SaveChangesAsync();
        return ids;
    }

    public void Dispose() => PostgreSqlServer.ReleaseConnections();
}

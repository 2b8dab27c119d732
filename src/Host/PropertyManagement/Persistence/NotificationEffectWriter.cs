using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Notifications;
using Workflows.Runtime.Execution;

namespace Workflows.Host.PropertyManagement.Persistence;

/// <summary>
/// Puts a procedure's notices into the outbox, one row per channel and address. Postings to all owners (公告) have
/// no sender; they stay in the instance journal.
/// </summary>
internal sealed class NotificationEffectWriter : IEffectWriter
{
    public bool CanWrite(object effect) => effect is NotificationRequested;

    public Task WriteAsync(WorkflowsDbContext db, object effect, DateTimeOffset now, CancellationToken ct)
    {
        var notice = (NotificationRequested)effect;
        foreach (var recipient in notice.Recipients.Where(r => r.Channel != NotificationChannel.Notice))
        {
            var address = recipient.Address.Trim();
            db.Outbox.Add(new OutboxMessage
            {
                Id = Ids.New(),
                // One activity execution sends to each address once, however often the burst is retried.
                IdempotencyKey = $"pm-notify:{notice.ActivityInstanceId}:{recipient.Channel}:{address.ToLowerInvariant()}",
                Channel = recipient.Channel.ToString(),
                Recipient = address,
                Subject = notice.Subject,
                Body = notice.Body,
                InstanceId = notice.WorkflowInstanceId,
                CreatedAt = now,
            });
        }
        return Task.CompletedTask;
    }
}

using Workflows.Runtime.Activities.BuiltIn;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Persistence;

/// <summary>Puts the emails of <c>Elsa.SendEmail</c> into the outbox, one row per recipient.</summary>
internal sealed class EmailEffectWriter : IEffectWriter
{
    public bool CanWrite(object effect) => effect is EmailRequested;

    public Task WriteAsync(WorkflowsDbContext db, object effect, DateTimeOffset now, CancellationToken ct)
    {
        var email = (EmailRequested)effect;
        foreach (var recipient in email.To.Concat(email.Cc).Concat(email.Bcc).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            db.Outbox.Add(new OutboxMessage
            {
                Id = Ids.New(),
                // One activity execution sends to each recipient once, however often the burst is retried.
                IdempotencyKey = $"email:{email.ActivityInstanceId}:{recipient.ToLowerInvariant()}",
                Channel = "Email",
                Recipient = recipient,
                Subject = email.Subject,
                Body = email.Body,
                InstanceId = email.WorkflowInstanceId,
                CreatedAt = now,
            });
        }
        return Task.CompletedTask;
    }
}

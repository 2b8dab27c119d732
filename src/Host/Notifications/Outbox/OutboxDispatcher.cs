using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Host.Notifications.Senders;
using Workflows.Host.Notifications.Templates;
using Workflows.Host.Persistence;

namespace Workflows.Host.Notifications.Outbox;

public enum DispatchOutcome
{
    /// <summary>No such message, it is not due, or another worker holds it: nothing was done.</summary>
    NotClaimed,
    Sent,
    RetryScheduled,
    Failed,

    /// <summary>Sent or failed, but the claim had expired and another worker took the message over meanwhile.</summary>
    LeaseLost,

    /// <summary>Delivery on the message's channel is off; the message is marked NotSent for good.</summary>
    NotSent,
}

/// <summary>
/// Sends one outbox message: claim, send, record. The claim is a conditional update (Pending and due, or Sending
/// with an expired lease → Sending with a fresh lease and token), so of two workers racing on one message only one
/// sends it. Only the claim's holder records the outcome.
/// </summary>
/// <remarks>
/// Crash consistency: a worker that dies after the provider accepted the message but before the outcome is
/// recorded leaves the row Sending; when the lease expires another worker sends it again. That window (and a send
/// outlasting its lease) is the only place a message can go out twice: at least once there, exactly once elsewhere.
/// </remarks>
public sealed class OutboxDispatcher(
    WorkflowsDbContext db,
    IEmailSender email,
    ISmsSender sms,
    MessageComposer composer,
    RetryPolicy retry,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    OutboxJobQueue queue,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>
    /// Leases are about whether a process is still alive, so they run on the wall clock: the service's clock may be
    /// the rehearsal clock, and a jump of days there must not expire a claim whose send is still in flight.
    /// </summary>
    internal static readonly TimeProvider LeaseClock = TimeProvider.System;

    /// <summary>Names this process in the attempts log: machine:pid.</summary>
    public static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<DispatchOutcome> DispatchAsync(string messageId, CancellationToken ct = default)
    {
        var claim = await ClaimAsync(messageId, ct);
        if (claim is null) return DispatchOutcome.NotClaimed;
        var (message, token, interrupted) = claim.Value;
        if (interrupted is not null)
        {
            db.DeliveryAttempts.Add(interrupted);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var started = clock.GetUtcNow();
        SendResult result;
        try
        {
            result = await SendAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down mid-send: the claim stays until its lease expires, then the message is taken over.
            throw;
        }
        catch (Exception ex)
        {
            // Senders report failures as results; anything thrown (a template, the network stack) is worth a retry.
            logger.LogError(ex, "Sending outbox message {OutboxMessageId} threw", message.Id);
            result = SendResult.Transient("Exception", ex.Message);
        }
        return await RecordAsync(message, token, started, result, ct);
    }

    private async Task<(OutboxMessage Message, string Token, DeliveryAttempt? Interrupted)?> ClaimAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wall = LeaseClock.GetUtcNow();
        var seen = await db.Outbox.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Status, m.LeaseUntil, m.LeaseToken, m.NextAttemptAt, m.Attempts }).FirstOrDefaultAsync(ct);
        if (seen is null) return null;
        var token = Guid.NewGuid().ToString("N");
        var leaseUntil = wall + options.Value.LeaseValue;
        int claimed;
        if (seen.Status == OutboxStatus.Sending)
        {
            if (seen.LeaseUntil is not { } until || until >= wall) return null;
            var previous = seen.LeaseToken;
            // Taking over an abandoned claim: the token in the condition makes sure it is still the same abandoned one.
            claimed = await db.Outbox
                .Where(m => m.Id == id && m.Status == OutboxStatus.Sending && m.LeaseToken == previous && m.LeaseUntil < wall)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil).SetProperty(m => m.LeaseToken, token)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        }
        else if (seen.Status == OutboxStatus.Pending)
        {
            if (seen.NextAttemptAt is { } next && next > now) return null;
            claimed = await db.Outbox
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LeaseUntil, leaseUntil)
                    .SetProperty(m => m.LeaseToken, token).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        }
        else
        {
            return null;
        }
        if (claimed == 0) return null;

        var message = await db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        DeliveryAttempt? interrupted = null;
        if (seen.Status == OutboxStatus.Sending)
        {
            logger.LogWarning("Outbox message {OutboxMessageId}: attempt {Attempt} never reported back (lease expired); sending again",
                id, seen.Attempts);
            interrupted = new DeliveryAttempt
            {
                OutboxMessageId = id, Attempt = seen.Attempts, Channel = message.Channel, Recipient = message.Recipient,
                StartedAt = now, FinishedAt = now, Outcome = DeliveryOutcome.Interrupted,
                Error = "发送进程未报告结果（租约已过期），已由其他进程重新发送；该次可能已送达。", Worker = Worker,
            };
        }
        return (message, token, interrupted);
    }

    private async Task<SendResult> SendAsync(OutboxMessage m, CancellationToken ct)
    {
        switch (m.Channel)
        {
            case Channels.Email:
                return await email.SendAsync(new EmailMessage(m.Recipient, m.Subject ?? "", m.Body), ct);
            case Channels.Sms:
                var (code, parameters) = await composer.SmsPartsAsync(m, ct);
                return await sms.SendAsync(new SmsMessage(m.Recipient, code, parameters, m.Id), ct);
            default:
                return SendResult.Permanent("UnknownChannel", $"Channel '{m.Channel}' has no sender.");
        }
    }

    private async Task<DispatchOutcome> RecordAsync(OutboxMessage message, string token, DateTimeOffset started, SendResult result, CancellationToken ct)
    {
        var finished = clock.GetUtcNow();
        var id = message.Id;
        DispatchOutcome outcome;
        DateTimeOffset? next = null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mine = db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Sending && m.LeaseToken == token);
        int updated;
        if (result.Succeeded)
        {
            outcome = DispatchOutcome.Sent;
            // A delivered retry keeps no error of an earlier attempt (the attempts log has them).
            updated = await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, finished)
                .SetProperty(m => m.ProviderMessageId, result.ProviderMessageId).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LeaseToken, (string?)null).SetProperty(m => m.LastError, (string?)null), ct);
        }
        else if (result.Status == SendStatus.NotSent)
        {
            outcome = DispatchOutcome.NotSent;
            updated = await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.NotSent)
                .SetProperty(m => m.LastError, result.ErrorMessage).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LeaseToken, (string?)null), ct);
        }
        else
        {
            var error = $"{result.ErrorCode}: {result.ErrorMessage}";
            next = result.IsTransient ? retry.NextAttempt(message.Attempts, message.CreatedAt, finished) : null;
            if (next is { } at)
            {
                outcome = DispatchOutcome.RetryScheduled;
                updated = await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, at)
                    .SetProperty(m => m.LastError, error).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LeaseToken, (string?)null), ct);
            }
            else
            {
                outcome = DispatchOutcome.Failed;
                var final = result.IsTransient ? $"{error}（已重试 {message.Attempts} 次，超过 {options.Value.GiveUpAfter}，不再重试）" : error;
                updated = await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, final)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.LeaseToken, (string?)null), ct);
            }
        }
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            OutboxMessageId = id, Attempt = message.Attempts, Channel = message.Channel, Recipient = message.Recipient,
            StartedAt = started, FinishedAt = finished, Outcome = ToOutcome(result.Status), ProviderMessageId = result.ProviderMessageId,
            ErrorCode = result.ErrorCode, Error = result.ErrorMessage, Worker = Worker,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();

        if (updated == 0)
        {
            // The send outlasted the lease and another worker took the message over: its outcome is the one kept.
            logger.LogWarning("Outbox message {OutboxMessageId}: attempt {Attempt} finished ({Status}) after its lease expired", id, message.Attempts, result.Status);
            return DispatchOutcome.LeaseLost;
        }
        if (next is { } retryAt)
        {
            logger.LogWarning("Outbox message {OutboxMessageId} to {Channel} failed (attempt {Attempt}): {Error}; next attempt at {NextAttemptAt}",
                id, message.Channel, message.Attempts, result.ErrorMessage, retryAt);
            queue.Schedule(id, retryAt);
        }
        else if (outcome == DispatchOutcome.Failed)
        {
            logger.LogError("Outbox message {OutboxMessageId} to {Channel} failed for good after {Attempt} attempt(s): {Error}",
                id, message.Channel, message.Attempts, result.ErrorMessage);
        }
        return outcome;
    }

    private static DeliveryOutcome ToOutcome(SendStatus status) => status switch
    {
        SendStatus.Sent => DeliveryOutcome.Sent,
        SendStatus.TransientFailure => DeliveryOutcome.TransientFailure,
        SendStatus.NotSent => DeliveryOutcome.NotSent,
        _ => DeliveryOutcome.PermanentFailure,
    };
}

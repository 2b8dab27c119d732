using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Notifications.Templates;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Calendar;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Notifications.Reminders;

/// <summary>
/// Fires reminders: moves the row Pending → Fired conditionally and, in the same transaction, writes one outbox
/// message per recipient with the idempotency key <c>reminder:{subject}:{stage}:{channel}:{address}</c>. A second
/// firing (its job and the sweep, two hosts) finds the row fired and does nothing.
/// </summary>
public sealed class ReminderFiring(
    WorkflowsDbContext db,
    IEnumerable<IReminderSource> sources,
    MessageComposer composer,
    OutboxJobQueue queue,
    TimeProvider clock,
    ILogger<ReminderFiring> logger)
{
    public async Task<bool> FireAsync(string reminderId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var reminder = await db.Reminders.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reminderId, ct);
        if (reminder is null || reminder.Status != ReminderStatus.Pending || reminder.DueAt > now) return false;
        if (!await StillOpenAsync(reminder, ct))
        {
            await db.Reminders.Where(r => r.Id == reminderId && r.Status == ReminderStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Cancelled).SetProperty(r => r.CancelledAt, now), ct);
            logger.LogInformation("Reminder {Stage} of {SubjectKind} {SubjectId} cancelled: the subject is closed", reminder.Stage, reminder.SubjectKind, reminder.SubjectId);
            return false;
        }

        // Rendered before the transaction: templates are read from the database, and a write lock is best held briefly.
        List<OutboxMessage> messages;
        try
        {
            messages = await ComposeAsync(reminder, now, ct);
        }
        catch (TemplateException ex)
        {
            await FailAsync(reminder, ex.Message, now, ct);
            return false;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Reminders.Where(r => r.Id == reminderId && r.Status == ReminderStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Fired).SetProperty(r => r.FiredAt, now), ct);
        if (moved == 0) return false;
        var keys = messages.Select(m => m.IdempotencyKey).ToList();
        var existing = await db.Outbox.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(ct);
        var added = messages.Where(m => !existing.Contains(m.IdempotencyKey)).ToList();
        db.Outbox.AddRange(added);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();

        logger.LogInformation("Reminder {Stage} of {SubjectKind} {SubjectId} fired: {Count} message(s)",
            reminder.Stage, reminder.SubjectKind, reminder.SubjectId, added.Count);
        foreach (var message in added)
            queue.Enqueue(message.Id);
        return true;
    }

    /// <summary>Reminders read per query while draining.</summary>
    internal const int BatchSize = 500;

    /// <summary>
    /// Fires every pending reminder due by now, oldest first, batch after batch until none is left (after a busy day,
    /// thousands: none waits for the next sweep). Returns how many this call fired.
    /// </summary>
    public async Task<int> FireDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var fired = 0;
        // Keyset paging on (DueAt, Id): a reminder that fails stays pending and is not read again in this call, so
        // the loop ends; the next sweep tries it again.
        DateTimeOffset? afterDue = null;
        var afterId = "";
        while (true)
        {
            var query = db.Reminders.AsNoTracking().Where(r => r.Status == ReminderStatus.Pending && r.DueAt <= now);
            if (afterDue is { } lastDue)
                query = query.Where(r => r.DueAt > lastDue || (r.DueAt == lastDue && string.Compare(r.Id, afterId) > 0));
            var batch = await query.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Select(r => new { r.Id, r.DueAt }).Take(BatchSize).ToListAsync(ct);
            foreach (var reminder in batch)
            {
                try
                {
                    if (await FireAsync(reminder.Id, ct)) fired++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One bad reminder must not hold up the others; it stays pending for the next sweep.
                    logger.LogError(ex, "Reminder {ReminderId} could not be fired", reminder.Id);
                    db.ChangeTracker.Clear();
                }
            }
            if (batch.Count < BatchSize) return fired;
            (afterDue, afterId) = (batch[^1].DueAt, batch[^1].Id);
        }
    }

    /// <summary>
    /// A template that does not render now will not render on the next sweep either (the shipped default has been
    /// tried too): the reminder is given up with the reason, once, instead of failing every minute forever.
    /// </summary>
    private async Task FailAsync(ReminderRecord reminder, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var error = reason.Length <= MaxErrorLength ? reason : reason[..MaxErrorLength];
        var failed = await db.Reminders.Where(r => r.Id == reminder.Id && r.Status == ReminderStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Failed).SetProperty(r => r.FailedAt, now)
                .SetProperty(r => r.Error, error), ct);
        if (failed > 0)
            logger.LogError("Reminder {Stage} of {SubjectKind} {SubjectId} failed: template {TemplateKind} does not render ({Error})",
                reminder.Stage, reminder.SubjectKind, reminder.SubjectId, reminder.TemplateKind, error);
    }

    private const int MaxErrorLength = 1000;

    private async Task<bool> StillOpenAsync(ReminderRecord reminder, CancellationToken ct)
    {
        foreach (var source in sources)
        {
            if (await source.IsOpenAsync(db, reminder.SubjectKind, reminder.SubjectId, ct) is { } open) return open;
        }
        return true;
    }

    private async Task<List<OutboxMessage>> ComposeAsync(ReminderRecord reminder, DateTimeOffset now, CancellationToken ct)
    {
        var model = JsonSerializer.Deserialize<Dictionary<string, string>>(reminder.ModelJson, ReminderPlanner.Json) ?? [];
        var recipients = JsonSerializer.Deserialize<List<ReminderRecipient>>(reminder.RecipientsJson, ReminderPlanner.Json) ?? [];
        if (model.TryGetValue("due_date", out var dueText)
            && DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            model["days_left"] = (due.DayNumber - ChinaTime.ToLocalDate(now).DayNumber).ToString(CultureInfo.InvariantCulture);
        model["stage"] = reminder.Stage;

        var result = new List<OutboxMessage>();
        foreach (var recipient in recipients.DistinctBy(r => (r.Channel, r.Address.Trim().ToLowerInvariant())))
        {
            var address = recipient.Address.Trim();
            model["recipient_name"] = recipient.Name ?? "";
            var rendered = await composer.RenderAsync(reminder.TemplateKind, recipient.Channel, model, ct);
            result.Add(new OutboxMessage
            {
                Id = Ids.New(),
                // The same stage of the same deadline reaches the same address on the same channel once.
                IdempotencyKey = $"reminder:{reminder.Key}:{recipient.Channel}:{address.ToLowerInvariant()}",
                Channel = recipient.Channel,
                Recipient = address,
                RecipientName = recipient.Name,
                Kind = reminder.TemplateKind,
                Subject = rendered.Subject,
                Body = rendered.Body,
                SmsTemplateCode = rendered.SmsTemplateCode,
                SmsParametersJson = recipient.Channel == Channels.Sms ? MessageComposer.SerializeParameters(rendered.SmsParameters) : null,
                InstanceId = reminder.InstanceId,
                CaseId = reminder.CaseId,
                SubjectId = reminder.SubjectId,
                Stage = reminder.Stage,
                CreatedAt = now,
            });
        }
        return result;
    }
}

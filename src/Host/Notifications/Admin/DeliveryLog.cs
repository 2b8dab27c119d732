using Microsoft.EntityFrameworkCore;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Persistence;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Notifications.Admin;

/// <summary>Filters of the delivery log (发送记录). Dates are China dates, inclusive.</summary>
public sealed record DeliveryFilter(
    string? Channel = null, OutboxStatus? Status = null, string? Recipient = null, DateOnly? From = null, DateOnly? To = null,
    string? CaseId = null, string? InstanceId = null, int Page = 1, int PageSize = 50);

public sealed record DeliveryPage(IReadOnlyList<OutboxMessage> Items, int Total, int Page, int PageSize);

/// <summary>The delivery log: messages with their attempts, and resending one.</summary>
public sealed class DeliveryLog(WorkflowsDbContext db, OutboxJobQueue queue, INotificationAudit audit, TimeProvider clock)
{
    public async Task<DeliveryPage> ListAsync(DeliveryFilter f, CancellationToken ct = default)
    {
        var q = db.Outbox.AsNoTracking();
        if (Channels.Normalize(f.Channel) is { } channel) q = q.Where(m => m.Channel == channel);
        if (f.Status is { } status) q = q.Where(m => m.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Recipient)) q = q.Where(m => m.Recipient.Contains(f.Recipient.Trim()));
        if (!string.IsNullOrWhiteSpace(f.CaseId)) q = q.Where(m => m.CaseId == f.CaseId.Trim());
        if (!string.IsNullOrWhiteSpace(f.InstanceId)) q = q.Where(m => m.InstanceId == f.InstanceId.Trim());
        if (f.From is { } from)
        {
            var start = global::Workflows.PropertyManagement.Calendar.ChinaTime.StartOfDay(from).ToUniversalTime();
            q = q.Where(m => m.CreatedAt >= start);
        }
        if (f.To is { } to)
        {
            var end = global::Workflows.PropertyManagement.Calendar.ChinaTime.StartOfDay(to.AddDays(1)).ToUniversalTime();
            q = q.Where(m => m.CreatedAt < end);
        }
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 200);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new DeliveryPage(items, total, page, size);
    }

    public async Task<(OutboxMessage Message, IReadOnlyList<DeliveryAttempt> Attempts)?> FindAsync(string id, CancellationToken ct = default)
    {
        var message = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return null;
        var attempts = await db.DeliveryAttempts.AsNoTracking().Where(a => a.OutboxMessageId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return (message, attempts);
    }

    /// <summary>
    /// A new message with the same content and a new key (<c>{key}:resend:{n}</c>), so the original's "never twice"
    /// still holds and the repeat is deliberate, audited, and logged on its own. Null when there is no such message.
    /// </summary>
    public async Task<OutboxMessage?> ResendAsync(string id, string? by, CancellationToken ct = default)
    {
        var original = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (original is null) return null;
        var root = original.ResendOf ?? original.Id;
        var rootKey = original.ResendOf is null ? original.IdempotencyKey
            : await db.Outbox.Where(m => m.Id == root).Select(m => m.IdempotencyKey).FirstOrDefaultAsync(ct) ?? original.IdempotencyKey;
        var n = await db.Outbox.CountAsync(m => m.ResendOf == root, ct) + 1;
        var copy = new OutboxMessage
        {
            Id = Ids.New(),
            IdempotencyKey = $"{rootKey}:resend:{n}",
            Channel = original.Channel, Recipient = original.Recipient, RecipientName = original.RecipientName, Kind = original.Kind,
            Subject = original.Subject, Body = original.Body, SmsTemplateCode = original.SmsTemplateCode, SmsParametersJson = original.SmsParametersJson,
            InstanceId = original.InstanceId, CaseId = original.CaseId, SubjectId = original.SubjectId, Stage = original.Stage,
            ResendOf = root, CreatedAt = clock.GetUtcNow(),
        };
        db.Outbox.Add(copy);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await audit.RecordAsync("notification.resend", original.Id, by, $"重发 {original.Channel} 至 {original.Recipient}，新消息 {copy.Id}", ct);
        queue.Enqueue(copy.Id);
        return copy;
    }
}

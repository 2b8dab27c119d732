using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.Notifications.Templates;

/// <summary>Templates as they are in force: an admin's version from the database, else the shipped default.</summary>
public sealed class TemplateStore(WorkflowsDbContext db, TimeProvider clock)
{
    public async Task<MessageTemplate?> FindAsync(string kind, string channel, CancellationToken ct = default)
    {
        var row = await db.NotificationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind && t.Channel == channel, ct);
        return row is null ? DefaultTemplates.Find(kind, channel) : ToTemplate(row);
    }

    /// <summary>Every kind and channel that has a default or an admin's version.</summary>
    public async Task<IReadOnlyList<MessageTemplate>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.NotificationTemplates.AsNoTracking().ToListAsync(ct);
        var result = DefaultTemplates.All.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var row in rows)
            result[(row.Kind, row.Channel)] = ToTemplate(row);
        var order = TemplateKinds.All.Select(k => k.Kind).ToList();
        return result.Values
            .OrderBy(t => order.IndexOf(t.Kind) is var i && i < 0 ? int.MaxValue : i).ThenBy(t => t.Kind, StringComparer.Ordinal)
            .ThenBy(t => t.Channel, StringComparer.Ordinal).ToList();
    }

    /// <summary>Stores an admin's version; the caller has checked it with <see cref="TemplatePreview"/>.</summary>
    public async Task SaveAsync(TemplateRecord edit, string? by, CancellationToken ct = default)
    {
        var row = await db.NotificationTemplates.FirstOrDefaultAsync(t => t.Kind == edit.Kind && t.Channel == edit.Channel, ct);
        if (row is null)
        {
            row = new TemplateRecord { Kind = edit.Kind, Channel = edit.Channel };
            db.NotificationTemplates.Add(row);
        }
        row.Subject = edit.Subject;
        row.Body = edit.Body;
        row.SmsTemplateCode = edit.SmsTemplateCode;
        row.SmsParameters = edit.SmsParameters;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = by;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Drops the admin's version: the shipped default applies again. False when there was none.</summary>
    public async Task<bool> ResetAsync(string kind, string channel, CancellationToken ct = default) =>
        await db.NotificationTemplates.Where(t => t.Kind == kind && t.Channel == channel).ExecuteDeleteAsync(ct) > 0;

    private static MessageTemplate ToTemplate(TemplateRecord row)
    {
        IReadOnlyList<SmsParameterTemplate> parameters;
        try
        {
            parameters = TemplateText.ParseParameters(row.SmsParameters);
        }
        catch (TemplateException)
        {
            parameters = [];
        }
        return new MessageTemplate(row.Kind, row.Channel, row.Subject, row.Body, row.SmsTemplateCode, parameters,
            IsDefault: false, row.UpdatedAt, row.UpdatedBy);
    }
}

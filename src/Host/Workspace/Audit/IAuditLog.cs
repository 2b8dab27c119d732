using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Officers;

namespace Workflows.Host.Workspace.Audit;

/// <summary>What changed: the action, the resource, and its state before and after (any object, stored as JSON).</summary>
public sealed record AuditRecord(string Action, string ResourceType, string? ResourceId, object? Before = null, object? After = null)
{
    /// <summary>Who did it; null means the current request's user or API key (the system outside a request).</summary>
    public AuditActor? Actor { get; init; }
}

/// <summary>
/// The audit trail that every state change is recorded in. Append-only: there is no way to change or remove
/// an entry. Call it inside the transaction of the change it records (it saves the request's
/// <see cref="WorkflowsDbContext"/>), so that the change and its entry are stored together or not at all.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken ct = default);
}

internal sealed class AuditLog(WorkflowsDbContext db, ICurrentOfficer officer, IHttpContextAccessor http, TimeProvider clock) : IAuditLog
{
    /// <summary>Readable Chinese in the stored JSON; the pages encode it for HTML.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task RecordAsync(AuditRecord record, CancellationToken ct = default)
    {
        db.Add(Entry(record, officer, http.HttpContext, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The entry for <paramref name="record"/>, unsaved: for writers that save with a transaction of their own (a run's effects).</summary>
    internal static AuditEntry Entry(AuditRecord record, ICurrentOfficer? officer, HttpContext? context, DateTimeOffset at) => new(
        at,
        record.Actor ?? CurrentActor(officer, context),
        record.Action,
        record.ResourceType,
        record.ResourceId,
        Serialize(record.Before),
        Serialize(record.After),
        CorrelationId(context),
        context?.TraceIdentifier,
        context?.Connection.RemoteIpAddress?.ToString());

    private static AuditActor CurrentActor(ICurrentOfficer? officer, HttpContext? context)
    {
        if (context is null || officer is null) return AuditActor.System("service");
        if (officer.IsMachine) return AuditActor.ApiKey(officer.Name);
        if (officer.UserId is { } id) return AuditActor.User(id, officer.Name);
        return AuditActor.Anonymous(officer.Name);
    }

    private static string? CorrelationId(HttpContext? context)
    {
        var header = context?.Request.Headers["X-Correlation-Id"].ToString();
        if (!string.IsNullOrWhiteSpace(header)) return header.Length > 64 ? header[..64] : header;
        return Activity.Current?.TraceId.ToString();
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string text => JsonSerializer.Serialize(text, Json),
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.Host.Workspace.Audit;

/// <summary>Filters of the audit page and <c>GET /api/audit</c>. Dates are China dates, both ends included.</summary>
public sealed record AuditFilter(string? User, string? Action, string? ResourceType, string? ResourceId, string? From, string? To, int? Page, int? PageSize);

public sealed record AuditEntryView(long Id, DateTimeOffset At, string ActorKind, string? ActorId, string ActorName, string Action,
    string ResourceType, string? ResourceId, string? Before, string? After, string? CorrelationId, string? RequestId, string? RemoteIp);

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, int TotalCount, int Page, int PageSize);

/// <summary>Reads the audit trail, newest first.</summary>
internal sealed class AuditQuery(WorkflowsDbContext db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The page, or the errors by field (400).</summary>
    public async Task<(AuditPage? Page, Dictionary<string, string[]> Errors)> RunAsync(AuditFilter filter, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Date(filter.From, "from", errors);
        var to = Date(filter.To, "to", errors);
        var page = filter.Page ?? 1;
        var size = filter.PageSize ?? DefaultPageSize;
        if (page < 1) errors["page"] = ["页码从 1 开始 / Pages start at 1."];
        if (size is < 1 or > MaxPageSize) errors["pageSize"] = [$"每页 1 到 {MaxPageSize} 条 / Between 1 and {MaxPageSize}."];
        if (from is not null && to is not null && from > to) errors["to"] = ["结束日期早于开始日期 / 'to' is before 'from'."];
        if (errors.Count > 0) return (null, errors);

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            query = query.Where(e => e.ActorName.Contains(user) || e.ActorId == user);
        }
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(e => e.Action == filter.Action.Trim());
        if (!string.IsNullOrWhiteSpace(filter.ResourceType)) query = query.Where(e => e.ResourceType == filter.ResourceType.Trim());
        if (!string.IsNullOrWhiteSpace(filter.ResourceId)) query = query.Where(e => e.ResourceId == filter.ResourceId.Trim());
        if (from is { } start)
        {
            var since = ChinaTime.StartOfDay(start);
            query = query.Where(e => e.At >= since);
        }
        if (to is { } end)
        {
            var before = ChinaTime.StartOfDay(end.AddDays(1));
            query = query.Where(e => e.At < before);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return (new AuditPage(items.Select(View).ToList(), total, page, size), errors);
    }

    private static AuditEntryView View(AuditEntry e) => new(e.Id, e.At, e.ActorKind, e.ActorId, e.ActorName, e.Action, e.ResourceType,
        e.ResourceId, e.BeforeJson, e.AfterJson, e.CorrelationId, e.RequestId, e.RemoteIp);

    private static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[field] = [$"“{text}”不是日期，应为 YYYY-MM-DD / '{text}' is not a YYYY-MM-DD date."];
        return null;
    }
}

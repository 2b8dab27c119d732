using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// The instance list: <c>POST /workflow-instances</c> with a JSON filter (Studio), or GET with the same names
/// in the query. Empty lists mean "no filter"; every bad value is a 400 naming the field. <c>searchTerm</c> matches an
/// instance, correlation (case), definition or version id exactly, or the start of the name; <c>name</c> the start of
/// the name (both case-sensitive): what an index serves, unlike Elsa's substring match over every row.
/// </summary>
internal static class InstanceListEndpoints
{
    /// <summary>Elsa's statuses; <c>Interrupted</c> never happens here but is a valid filter value.</summary>
    private static readonly string[] Statuses = ["Running", "Finished"];
    private static readonly string[] SubStatuses = ["Pending", "Executing", "Suspended", "Finished", "Cancelled", "Faulted", "Interrupted"];

    public enum OrderBy
    {
        Created,
        LastExecuted,
        Finished,
        Name,
        UpdatedAt,
    }

    public enum TimestampOperator
    {
        Is,
        IsNot,
        LessThan,
        GreaterThan,
        LessThanOrEqual,
        GreaterThanOrEqual,
    }

    public sealed record TimestampFilter(string? Column, TimestampOperator? Operator, DateTimeOffset? Timestamp);

    public sealed record ListRequest(
        int? Page = null,
        int? PageSize = null,
        string? SearchTerm = null,
        string? DefinitionId = null,
        List<string>? DefinitionIds = null,
        string? CorrelationId = null,
        string? Name = null,
        int? Version = null,
        bool? HasIncidents = null,
        bool? IsSystem = null,
        string? Status = null,
        List<string>? Statuses = null,
        string? SubStatus = null,
        List<string>? SubStatuses = null,
        OrderBy? OrderBy = null,
        OrderDirection? OrderDirection = null,
        List<TimestampFilter>? TimestampFilters = null);

    public static RouteGroupBuilder MapInstanceListEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/workflow-instances", async (HttpRequest request, WorkflowsDbContext db, CancellationToken ct) =>
        {
            var reader = new ElsaRequest(request);
            var body = await reader.BodyAsync<ListRequest>(ct) ?? new ListRequest();
            return reader.IsValid ? await ListAsync(body, reader, db, ct) : reader.Invalid();
        });
        elsa.MapGet("/workflow-instances", async (HttpRequest request, WorkflowsDbContext db, CancellationToken ct) =>
        {
            var q = new ElsaRequest(request);
            var body = new ListRequest(q.Int("Page"), q.Int("PageSize"), q.Text("SearchTerm"), q.Text("DefinitionId"), q.List("DefinitionIds"),
                q.Text("CorrelationId"), q.Text("Name"), q.Int("Version"), q.Bool("HasIncidents"), q.Bool("IsSystem"),
                q.Text("Status"), q.List("Statuses"), q.Text("SubStatus"), q.List("SubStatuses"),
                q.Enum<OrderBy>("OrderBy"), q.Enum<OrderDirection>("OrderDirection"));
            return q.IsValid ? await ListAsync(body, q, db, ct) : q.Invalid();
        });
        return elsa;
    }

    private static async Task<IResult> ListAsync(ListRequest r, ElsaRequest errors, WorkflowsDbContext db, CancellationToken ct)
    {
        if (r.Page is < 0) errors.AddError("page", "The page number starts at 0.");
        if (r.PageSize is < 1) errors.AddError("pageSize", "The page size must be at least 1.");
        var statuses = Names(r.Statuses, Statuses, "statuses", errors);
        var subStatuses = Names(r.SubStatuses, SubStatuses, "subStatuses", errors);
        var status = Name(r.Status, Statuses, "status", errors);
        var subStatus = Name(r.SubStatus, SubStatuses, "subStatus", errors);
        var query = db.Instances.AsNoTracking();
        for (var i = 0; i < (r.TimestampFilters?.Count ?? 0); i++)
            query = ApplyTimestamp(query, r.TimestampFilters![i], $"timestampFilters[{i}]", errors);
        if (!errors.IsValid) return errors.Invalid();

        if (r.IsSystem == true) query = query.Where(_ => false);
        if (!string.IsNullOrWhiteSpace(r.DefinitionId)) query = query.Where(i => i.DefinitionId == r.DefinitionId);
        if (r.DefinitionIds is { Count: > 0 } definitionIds) query = query.Where(i => definitionIds.Contains(i.DefinitionId));
        if (!string.IsNullOrWhiteSpace(r.CorrelationId)) query = query.Where(i => i.CorrelationId == r.CorrelationId);
        if (r.Version is { } version) query = query.Where(i => i.Version == version);
        if (status is not null) query = query.Where(i => i.Status == status);
        if (subStatus is not null) query = query.Where(i => i.SubStatus == subStatus);
        if (statuses is not null) query = query.Where(i => statuses.Contains(i.Status));
        if (subStatuses is not null) query = query.Where(i => subStatuses.Contains(i.SubStatus));
        if (r.HasIncidents is { } hasIncidents) query = hasIncidents ? query.Where(i => i.IncidentCount > 0) : query.Where(i => i.IncidentCount == 0);
        if (!string.IsNullOrWhiteSpace(r.Name))
        {
            var (from, to) = PrefixRange(r.Name.Trim());
            query = query.Where(i => string.Compare(i.Name, from) >= 0 && string.Compare(i.Name, to) < 0);
        }
        if (!string.IsNullOrWhiteSpace(r.SearchTerm))
        {
            // Equality on the indexed ids, or the start of the name: each branch is an index lookup (SQLite and PostgreSQL
            // answer the OR by a union of index searches), where a substring match would read every row.
            var term = r.SearchTerm.Trim();
            var (from, to) = PrefixRange(term);
            query = query.Where(i => i.Id == term || i.CorrelationId == term || i.DefinitionId == term || i.DefinitionVersionId == term
                                     || (string.Compare(i.Name, from) >= 0 && string.Compare(i.Name, to) < 0));
        }
        var total = await query.LongCountAsync(ct);
        var orderBy = r.OrderBy ?? OrderBy.Created;
        var descending = (r.OrderDirection ?? (orderBy == OrderBy.Name ? OrderDirection.Ascending : OrderDirection.Descending)) == OrderDirection.Descending;
        var ordered = orderBy switch
        {
            OrderBy.Name => Sort(query, i => i.Name, descending),
            OrderBy.Finished => Sort(query, i => i.FinishedAt, descending),
            OrderBy.LastExecuted or OrderBy.UpdatedAt => Sort(query, i => i.UpdatedAt, descending),
            _ => Sort(query, i => i.CreatedAt, descending),
        };
        var rows = await Paging.FromPage(r.Page, r.PageSize).Apply(ordered.ThenBy(i => i.Id)).ToListAsync(ct);
        return ElsaShapes.Ok(new PagedResult<InstanceSummary>(rows.Select(InstanceShapes.Summary).ToList(), total));
    }

    /// <summary>The bounds of the names that start with <paramref name="prefix"/> (ordinal order, as the index keeps them).</summary>
    private static (string From, string To) PrefixRange(string prefix) => (prefix, prefix + "\uffff");

    private static IOrderedQueryable<InstanceRecord> Sort<TKey>(IQueryable<InstanceRecord> query, Expression<Func<InstanceRecord, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    /// <summary>
    /// Elsa's rule: a timestamp at midnight means that whole day (in the timestamp's own offset). Bounds are
    /// compared in UTC because that is how instants are stored.
    /// </summary>
    private static IQueryable<InstanceRecord> ApplyTimestamp(IQueryable<InstanceRecord> query, TimestampFilter? filter, string field, ElsaRequest errors)
    {
        if (filter is null)
        {
            errors.AddError(field, "The timestamp filter is empty.");
            return query;
        }
        Expression<Func<InstanceRecord, DateTimeOffset?>>? column = filter.Column?.Trim().ToLowerInvariant() switch
        {
            "createdat" => i => i.CreatedAt,
            "updatedat" => i => i.UpdatedAt,
            "finishedat" => i => i.FinishedAt,
            _ => null,
        };
        if (column is null) errors.AddError($"{field}.column", $"'{filter.Column}' is not a column; use CreatedAt, UpdatedAt or FinishedAt.");
        if (filter.Operator is null) errors.AddError($"{field}.operator", "Give the operator (Is, IsNot, LessThan, GreaterThan, LessThanOrEqual, GreaterThanOrEqual).");
        if (filter.Timestamp is null) errors.AddError($"{field}.timestamp", "Give the timestamp.");
        if (column is null || filter.Operator is not { } op || filter.Timestamp is not { } timestamp) return query;

        var wholeDay = timestamp.TimeOfDay == TimeSpan.Zero;
        var start = new DateTimeOffset(timestamp.Date, timestamp.Offset).ToUniversalTime();
        var end = start.AddDays(1);
        var at = timestamp.ToUniversalTime();
        Expression<Func<DateTimeOffset?, bool>> predicate = (op, wholeDay) switch
        {
            (TimestampOperator.Is, true) => t => t >= start && t < end,
            (TimestampOperator.Is, false) => t => t == at,
            (TimestampOperator.IsNot, true) => t => t < start || t >= end,
            (TimestampOperator.IsNot, false) => t => t != at,
            (TimestampOperator.GreaterThan, true) => t => t >= end,
            (TimestampOperator.GreaterThan, false) => t => t > at,
            (TimestampOperator.GreaterThanOrEqual, true) => t => t >= start,
            (TimestampOperator.GreaterThanOrEqual, false) => t => t >= at,
            (TimestampOperator.LessThan, true) => t => t < start,
            (TimestampOperator.LessThan, false) => t => t < at,
            (TimestampOperator.LessThanOrEqual, true) => t => t < end,
            _ => t => t <= at,
        };
        // Substitute the column into the predicate so EF sees one expression over the row.
        var body = new Replace(predicate.Parameters[0], column.Body).Visit(predicate.Body);
        return query.Where(Expression.Lambda<Func<InstanceRecord, bool>>(body, column.Parameters));
    }

    private static List<string>? Names(List<string>? values, string[] allowed, string field, ElsaRequest errors)
    {
        if (values is not { Count: > 0 }) return null;
        var result = new List<string>();
        foreach (var value in values)
        {
            if (Name(value, allowed, field, errors) is { } name) result.Add(name);
        }
        return result;
    }

    /// <summary>The canonical spelling of an enum name, or null (with an error) when it is not one.</summary>
    private static string? Name(string? value, string[] allowed, string field, ElsaRequest errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var match = allowed.FirstOrDefault(a => a.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null) errors.AddError(field, $"'{value}' is not one of {string.Join(", ", allowed)}.");
        return match;
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

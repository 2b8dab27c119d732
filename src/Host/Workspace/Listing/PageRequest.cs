using Microsoft.EntityFrameworkCore;

namespace Workflows.Host.Workspace.Listing;

/// <summary>
/// Offset paging with caps, so that no request costs more than a bounded amount whatever the number of rows: at most
/// <see cref="MaxPageSize"/> rows a page, no page starting past <see cref="MaxOffset"/> (narrow the filters instead),
/// and totals counted up to <see cref="CountCap"/>.
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxOffset = 10_000;
    public const int CountCap = 10_000;

    public static readonly PageRequest First = new(1, DefaultPageSize);

    public int Offset => (Page - 1) * PageSize;

    /// <summary>The request, or null with the errors named by field (in Chinese, then English).</summary>
    public static PageRequest? Read(int? page, int? pageSize, IDictionary<string, string[]> errors)
    {
        var request = new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
        if (request.Page < 1) errors["page"] = ["页码从 1 开始。/ Pages start at 1."];
        if (request.PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"每页 1 到 {MaxPageSize} 条。/ Between 1 and {MaxPageSize} rows a page."];
        else if (request.Page >= 1 && request.Offset > MaxOffset)
            errors["page"] = [$"最多翻到第 {MaxOffset} 条记录，请缩小筛选范围。/ Pages reach the first {MaxOffset} rows; narrow the filters."];
        return errors.ContainsKey("page") || errors.ContainsKey("pageSize") ? null : request;
    }

    /// <summary>
    /// One page of a filtered query in the given order, and its capped total: two SQL commands (the count without
    /// the sort, which it does not need).
    /// </summary>
    public async Task<(List<T> Rows, int Total, bool Capped)> RunAsync<T>(IQueryable<T> filtered, Func<IQueryable<T>, IQueryable<T>> order,
        CancellationToken ct)
    {
        var total = await filtered.Take(CountCap + 1).CountAsync(ct);
        var rows = await order(filtered).Skip(Offset).Take(PageSize).ToListAsync(ct);
        return (rows, Math.Min(total, CountCap), total > CountCap);
    }
}

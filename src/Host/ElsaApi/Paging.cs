namespace Workflows.Host.ElsaApi;

/// <summary>
/// Elsa's PageArgs: 0-based page × pageSize, or skip/take; neither given means everything. A page holds at most
/// <see cref="MaxPageSize"/> rows whatever the caller asks (a larger pageSize or take is cut to it), so one
/// request cannot make the service read and serialize a whole table.
/// </summary>
internal readonly record struct Paging(int? Offset, int? Limit)
{
    public const int MaxPageSize = 200;

    public static readonly Paging All = new(null, null);

    public static Paging FromPage(int? page, int? pageSize)
    {
        if (pageSize is null) return new Paging(null, null);
        var size = Math.Min(pageSize.Value, MaxPageSize);
        // Counted in long: page × size beyond int.MaxValue is simply past the end.
        var offset = (long)(page ?? 0) * size;
        return new Paging((int)Math.Min(offset, int.MaxValue), size);
    }

    /// <summary>The journal's rule: page/pageSize, else skip/take, else the first <paramref name="fallbackTake"/>.</summary>
    public static Paging From(int? page, int? pageSize, int? skip, int? take, int fallbackTake)
    {
        if (page is not null && pageSize is not null) return FromPage(page, pageSize);
        if (skip is not null || take is not null) return new Paging(skip ?? 0, Math.Min(take ?? MaxPageSize, MaxPageSize));
        return new Paging(0, fallbackTake);
    }

    public IQueryable<T> Apply<T>(IQueryable<T> query)
    {
        if (Offset is > 0) query = query.Skip(Offset.Value);
        if (Limit is not null) query = query.Take(Limit.Value);
        return query;
    }
}

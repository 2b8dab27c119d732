namespace Workflows.Host.ElsaApi;

/// <summary>Elsa's PageArgs: 0-based page × pageSize, or skip/take; neither given means everything.</summary>
internal readonly record struct Paging(int? Offset, int? Limit)
{
    public static readonly Paging All = new(null, null);

    public static Paging FromPage(int? page, int? pageSize) =>
        pageSize is null ? new Paging(null, null) : new Paging((page ?? 0) * pageSize, pageSize);

    /// <summary>The journal's rule: page/pageSize, else skip/take, else the first <paramref name="fallbackTake"/>.</summary>
    public static Paging From(int? page, int? pageSize, int? skip, int? take, int fallbackTake)
    {
        if (page is not null && pageSize is not null) return FromPage(page, pageSize);
        if (skip is not null || take is not null) return new Paging(skip ?? 0, take);
        return new Paging(0, fallbackTake);
    }

    public IQueryable<T> Apply<T>(IQueryable<T> query)
    {
        if (Offset is > 0) query = query.Skip(Offset.Value);
        if (Limit is not null) query = query.Take(Limit.Value);
        return query;
    }
}

namespace Workflows.Host.Workspace.Listing;

/// <summary>
/// One page of a list: the rows, the total (counted up to <see cref="PageRequest.CountCap"/>; <see cref="TotalIsCapped"/>
/// says there are at least that many), the page number (from 1) and its size.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int TotalCount, bool TotalIsCapped, int Page, int PageSize)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

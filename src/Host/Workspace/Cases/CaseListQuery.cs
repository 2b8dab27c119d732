using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Workspace.Listing;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Workspace.Cases;

/// <summary>
/// Filters of the case list. <c>Unit</c>: a street or community (the dashboard's links); <c>Search</c>: a case number or
/// workflow instance id (exact), else the start of the title, i.e. of the compound's name; <c>Oldest</c>: oldest first.
/// </summary>
public sealed record CaseListFilter(string? Procedure = null, string? CompoundId = null, string? Status = null, string? Unit = null, string? Search = null,
    bool Oldest = false);

/// <summary>One row of the case list.</summary>
public sealed record CaseListItem(string CaseId, string Procedure, string ProcedureName, string Title, string CompoundId, string CompoundName,
    string Status, string StatusName, DateTimeOffset StartedAt, string WorkflowInstanceId);

/// <summary>
/// The cases within the caller's reach, one page at a time: one query for the rows (case, instance status and compound
/// joined) and one for the capped total, whatever the number of cases. Every filter is served by an index (see
/// <c>CaseIndexes</c>): reach and unit by the compound's district, street or community; the search by equality on the
/// keys or a range on the title.
/// </summary>
internal sealed class CaseListQuery(WorkflowsDbContext db, ICurrentOfficer officer, IJurisdiction jurisdiction)
{
    public static readonly IReadOnlyList<string> Statuses = ["Open", "Closed", "Cancelled", "Faulted"];

    public async Task<ListPage<CaseListItem>> PageAsync(CaseListFilter filter, PageRequest page, CancellationToken ct)
    {
        var compounds = db.Set<Compound>().AsNoTracking();
        var reach = await officer.ReachAsync(ct);
        if (!reach.All)
            compounds = reach.RootUnitId is { } root ? Within(compounds, await jurisdiction.FindAsync(root, ct)) : compounds.Where(_ => false);
        if (!string.IsNullOrEmpty(filter.Unit)) compounds = Within(compounds, await jurisdiction.FindAsync(filter.Unit, ct));

        var cases = db.Set<Case>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Procedure)) cases = cases.Where(c => c.Procedure == filter.Procedure);
        if (!string.IsNullOrEmpty(filter.CompoundId)) cases = cases.Where(c => c.CompoundId == filter.CompoundId);
        if (filter.Search?.Trim() is { Length: > 0 } term)
        {
            // A range on the title (which starts with the compound's name) is what an index can serve; a substring is not.
            var upper = term + "\uffff";
            cases = cases.Where(c => c.Id == term || c.WorkflowInstanceId == term
                                     || (string.Compare(c.Title, term) >= 0 && string.Compare(c.Title, upper) < 0));
        }
        var rows = from c in cases
                   join i in db.Instances on c.WorkflowInstanceId equals i.Id
                   join p in compounds on c.CompoundId equals p.Id
                   select new Row
                   {
                       CaseId = c.Id, Procedure = c.Procedure, Title = c.Title, CompoundId = c.CompoundId, CompoundName = p.Name, InstanceStatus = i.Status,
                       SubStatus = i.SubStatus, StartedAt = c.StartedAt, WorkflowInstanceId = c.WorkflowInstanceId,
                   };
        rows = filter.Status switch
        {
            "Open" => rows.Where(r => r.InstanceStatus != Finished),
            "Closed" => rows.Where(r => r.InstanceStatus == Finished && r.SubStatus != Cancelled && r.SubStatus != Faulted),
            "Cancelled" => rows.Where(r => r.InstanceStatus == Finished && r.SubStatus == Cancelled),
            "Faulted" => rows.Where(r => r.InstanceStatus == Finished && r.SubStatus == Faulted),
            _ => rows,
        };
        var (list, total, capped) = await page.RunAsync(rows,
            r => filter.Oldest ? r.OrderBy(x => x.StartedAt).ThenBy(x => x.CaseId) : r.OrderByDescending(x => x.StartedAt).ThenByDescending(x => x.CaseId), ct);
        return new ListPage<CaseListItem>([.. list.Select(Item)], total, capped, page.Page, page.PageSize);
    }

    private const string Finished = nameof(WorkflowStatus.Finished);
    private const string Cancelled = nameof(WorkflowSubStatus.Cancelled);
    private const string Faulted = nameof(WorkflowSubStatus.Faulted);

    /// <summary>Member-initialised, so EF can filter and sort on the projection.</summary>
    private sealed class Row
    {
        public required string CaseId { get; init; }
        public required string Procedure { get; init; }
        public required string Title { get; init; }
        public required string CompoundId { get; init; }
        public required string CompoundName { get; init; }
        public required string InstanceStatus { get; init; }
        public required string SubStatus { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public required string WorkflowInstanceId { get; init; }
    }

    private static CaseListItem Item(Row r)
    {
        var (status, name) = CaseQueries.Status(r.InstanceStatus, r.SubStatus);
        return new CaseListItem(r.CaseId, r.Procedure, ProcedureCatalog.Find(r.Procedure)?.Name ?? r.Procedure, r.Title, r.CompoundId, r.CompoundName,
            status, name, r.StartedAt, r.WorkflowInstanceId);
    }

    /// <summary>The compounds under a unit, by the compound's own district, street or community columns; nothing for an unknown unit.</summary>
    private static IQueryable<Compound> Within(IQueryable<Compound> compounds, JurisdictionUnit? unit) => unit?.Kind switch
    {
        UnitKind.District => compounds.Where(p => p.DistrictId == unit.Id),
        UnitKind.StreetOffice => compounds.Where(p => p.StreetOfficeId == unit.Id),
        UnitKind.Community => compounds.Where(p => p.CommunityId == unit.Id),
        UnitKind.Compound => compounds.Where(p => p.Id == unit.Id),
        UnitKind.DistrictHousingBureau or UnitKind.DistrictLeadingGroup when unit.ParentId is { } district => compounds.Where(p => p.DistrictId == district),
        _ => compounds.Where(_ => false),
    };
}

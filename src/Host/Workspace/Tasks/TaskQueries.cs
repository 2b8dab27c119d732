using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Listing;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>The inbox filters; all optional.</summary>
public sealed record TaskFilter(string? Scope, string? Procedure, string? CompoundId, string? Status);

/// <summary>Reads tasks for the caller: only what their reach allows (<see cref="ICurrentOfficer"/>).</summary>
internal sealed class TaskQueries(WorkflowsDbContext db, ICurrentOfficer me, IJurisdiction jurisdiction, UnitGuard guard, TimeProvider clock,
    IOptions<WorkspaceOptions> options)
{
    private const int MaxRows = 300;

    /// <summary>The first rows of a scope (at most 300), for callers that show one screen without paging.</summary>
    public async Task<IReadOnlyList<TaskListItem>> ListAsync(TaskFilter filter, CancellationToken ct)
    {
        var (scope, rows) = await QueryAsync(filter, ct);
        var now = clock.GetUtcNow();
        var list = await Order(rows, scope).Take(MaxRows).ToListAsync(ct);
        return [.. list.Select(r => Item(r.Task, r.Procedure, r.CompoundName, now))];
    }

    /// <summary>One page of a scope with its total, sorted as <see cref="ListAsync"/>: two SQL commands whatever the number of tasks.</summary>
    public async Task<ListPage<TaskListItem>> PageAsync(TaskFilter filter, PageRequest page, CancellationToken ct)
    {
        var (scope, rows) = await QueryAsync(filter, ct);
        var (list, total, capped) = await page.RunAsync(rows, r => Order(r, scope), ct);
        var now = clock.GetUtcNow();
        return new ListPage<TaskListItem>([.. list.Select(r => Item(r.Task, r.Procedure, r.CompoundName, now))], total, capped, page.Page, page.PageSize);
    }

    /// <summary>A task with what its row shows of the case and compound, joined in the same query (member-initialised, so EF can filter and sort on it).</summary>
    private sealed class Row
    {
        public required OfficerTask Task { get; init; }
        public required string Procedure { get; init; }
        public string? CompoundName { get; init; }
    }

    private async Task<(string Scope, IQueryable<Row> Rows)> QueryAsync(TaskFilter filter, CancellationToken ct)
    {
        var reach = await me.ReachAsync(ct);
        var scope = filter.Scope ?? TaskScopes.Mine;
        var tasks = db.Set<OfficerTask>().AsNoTracking();
        var acting = reach.ActingUnitIds.ToList();
        tasks = scope switch
        {
            TaskScopes.Mine when reach.ActsForAll => tasks.Where(t => t.Status == OfficerTaskStatus.Open || t.Status == OfficerTaskStatus.Claimed),
            TaskScopes.Mine => tasks.Where(t => t.Status == OfficerTaskStatus.Claimed && t.ClaimedBy == me.Name && acting.Contains(t.UnitId)),
            TaskScopes.Unit when reach.ActsForAll => tasks.Where(t => t.Status == OfficerTaskStatus.Open),
            TaskScopes.Unit => tasks.Where(t => t.Status == OfficerTaskStatus.Open && acting.Contains(t.UnitId)),
            TaskScopes.Done when reach.ActsForAll => tasks.Where(t => t.Status == OfficerTaskStatus.Done || t.Status == OfficerTaskStatus.Cancelled),
            TaskScopes.Done => tasks.Where(t => (t.Status == OfficerTaskStatus.Done || t.Status == OfficerTaskStatus.Cancelled) && acting.Contains(t.UnitId)),
            _ => await BelowAsync(tasks, reach, acting, ct),
        };
        if (TaskStatusNames.TryParse(filter.Status, out var status)) tasks = tasks.Where(t => t.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.CompoundId)) tasks = tasks.Where(t => t.CompoundId == filter.CompoundId);
        var rows = from t in tasks
                   join c in db.Set<Case>() on t.CaseId equals c.Id
                   join p in db.Set<Compound>() on t.CompoundId equals p.Id into compounds
                   from p in compounds.DefaultIfEmpty()
                   select new Row { Task = t, Procedure = c.Procedure, CompoundName = p == null ? null : p.Name };
        if (!string.IsNullOrWhiteSpace(filter.Procedure)) rows = rows.Where(r => r.Procedure == filter.Procedure);
        return (scope, rows);
    }

    /// <summary>Done: latest first; otherwise least time left first, tasks without a due date last; the id breaks ties so pages never overlap.</summary>
    private static IQueryable<Row> Order(IQueryable<Row> rows, string scope) => scope == TaskScopes.Done
        ? rows.OrderByDescending(r => r.Task.CompletedAt).ThenBy(r => r.Task.Id)
        : rows.OrderBy(r => r.Task.DueAt == null).ThenBy(r => r.Task.DueAt).ThenBy(r => r.Task.CreatedAt).ThenBy(r => r.Task.Id);

    /// <summary>The open tasks of the units below the caller's own, which a street office or the district supervises.</summary>
    private async Task<IQueryable<OfficerTask>> BelowAsync(IQueryable<OfficerTask> tasks, OfficerReach reach, List<string> acting, CancellationToken ct)
    {
        var active = tasks.Where(t => t.Status == OfficerTaskStatus.Open || t.Status == OfficerTaskStatus.Claimed);
        if (reach.All) return active.Where(t => !acting.Contains(t.UnitId));
        if (reach.RootUnitId is not { } root) return active.Where(_ => false);
        var visible = (await jurisdiction.SubtreeAsync(root, ct)).Except(acting).ToList();
        return active.Where(t => visible.Contains(t.UnitId));
    }

    private TaskListItem Item(OfficerTask t, string procedure, string? compoundName, DateTimeOffset now)
    {
        var timing = TaskTiming.Of(t, now, options.Value.WarningDays);
        return new TaskListItem(t.Id, t.CaseId, t.Title, new UnitRef(t.UnitId, t.UnitName), procedure, ProcedureName(procedure), t.CompoundId,
            compoundName, t.Status.ToString(), Views.Name(t.Status), t.ClaimedBy, Views.Date(t.DueDate), t.DueAt, timing.Light, timing.DaysLeft,
            timing.TimeLeft, timing.TimeLeftEnglish, t.CompletedBy, t.CompletedAt, t.Revision);
    }

    public static string ProcedureName(string procedure) =>
        ProcedureCatalog.All.FirstOrDefault(p => p.DefinitionId == procedure) is { } p ? $"{p.Code} {p.Name}" : procedure;

    /// <summary>A task within the caller's reach, or null (unknown, or another unit's: logged by the guard).</summary>
    public async Task<OfficerTask?> FindVisibleAsync(string taskId, CancellationToken ct)
    {
        var task = await db.Set<OfficerTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        return task is not null && await guard.CanSeeAsync("task", taskId, task.UnitId, ct) ? task : null;
    }

    public async Task<TaskDetail?> GetAsync(string taskId, CancellationToken ct)
    {
        if (await FindVisibleAsync(taskId, ct) is not { } task) return null;
        var @case = await (from c in db.Set<Case>().AsNoTracking()
                           where c.Id == task.CaseId
                           join p in db.Set<Compound>() on c.CompoundId equals p.Id into compounds
                           from p in compounds.DefaultIfEmpty()
                           select new TaskCaseSummary(c.Id, c.Title, c.Procedure, c.Procedure, c.CompoundId, p == null ? null : p.Name, c.StartedAt))
            .FirstOrDefaultAsync(ct);
        if (@case is not null) @case = @case with { ProcedureName = ProcedureName(@case.Procedure) };
        var notes = await db.Set<TaskNote>().AsNoTracking().Where(n => n.TaskId == taskId).OrderBy(n => n.At).ToListAsync(ct);
        var extensions = await db.Set<TaskExtension>().AsNoTracking().Where(x => x.TaskId == taskId).OrderBy(x => x.RequestedAt).ToListAsync(ct);
        var history = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.ResourceType == TaskAudit.Resource && a.ResourceId == taskId).OrderBy(a => a.Id).ToListAsync(ct);
        return new TaskDetail(
            TaskView.From(task), TaskTiming.Of(task, clock.GetUtcNow(), options.Value.WarningDays), @case,
            await me.CanActForAsync(task.UnitId, ct), task.ClaimedBy,
            [.. notes.Select(n => new TaskNoteView(n.Id, n.Kind, n.Text, n.Reference, n.By, n.At))],
            [.. extensions.Select(TaskExtensionView.From)],
            [.. history.Select(a => new TaskHistoryItem(a.At, a.Action, AuditActions.Name(a.Action, chinese: true), a.ActorName, a.AfterJson))]);
    }

    /// <summary>Extension requests the caller's unit decides (pending first), or that the caller's unit made.</summary>
    public async Task<IReadOnlyList<TaskExtensionView>> ExtensionsAsync(bool pendingOnly, CancellationToken ct)
    {
        var reach = await me.ReachAsync(ct);
        var acting = reach.ActingUnitIds.ToList();
        var rows = db.Set<TaskExtension>().AsNoTracking();
        if (!reach.ActsForAll) rows = rows.Where(x => acting.Contains(x.SupervisorUnitId) || acting.Contains(x.UnitId));
        if (pendingOnly) rows = rows.Where(x => x.Status == TaskExtensionStatus.Pending);
        var list = await rows.OrderBy(x => x.Status).ThenBy(x => x.RequestedAt).Take(MaxRows).ToListAsync(ct);
        return [.. list.Select(TaskExtensionView.From)];
    }
}

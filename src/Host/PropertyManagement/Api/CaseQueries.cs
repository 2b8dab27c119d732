using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Credit;
using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Tasks;
using Workflows.PropertyManagement.Votes;
using Workflows.Runtime.Execution;

namespace Workflows.Host.PropertyManagement.Api;

public sealed record CaseSummary(string CaseId, string Procedure, string ProcedureName, string Title, string Status, string StatusName,
    DateTimeOffset StartedAt, string WorkflowInstanceId);

public sealed record CaseView(
    string CaseId, string Procedure, string ProcedureName, string Title, UnitRef Compound, string Status, string StatusName,
    DateTimeOffset StartedAt, string WorkflowInstanceId,
    IReadOnlyList<TaskView> OpenTasks, IReadOnlyList<TaskView> DoneTasks, IReadOnlyList<FilingView> Filings,
    IReadOnlyList<CreditRecordView> CreditRecords, IReadOnlyList<VoteView> Votes, IReadOnlyList<DeadlineView> UpcomingDeadlines,
    StarRatingView? StarRating);

/// <summary>Read models of cases. The status is read from the workflow instance, never copied.</summary>
internal sealed class CaseQueries(WorkflowsDbContext db, TimeProvider clock)
{
    public async Task<CaseView?> GetAsync(string caseId, CancellationToken ct)
    {
        var @case = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null) return null;
        var compound = await db.Set<Compound>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == @case.CompoundId, ct);
        var (status, statusName) = await StatusAsync(@case.WorkflowInstanceId, ct);
        var tasks = await db.Set<OfficerTask>().AsNoTracking().Where(t => t.CaseId == caseId).ToListAsync(ct);
        var filings = await db.Set<Filing>().AsNoTracking().Where(f => f.CaseId == caseId).ToListAsync(ct);
        var credit = await db.Set<CreditRecord>().AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(ct);
        var votes = await db.Set<VoteRecord>().AsNoTracking().Where(v => v.CaseId == caseId).ToListAsync(ct);
        tasks = [.. tasks.OrderBy(t => t.CreatedAt)];

        var today = ChinaTime.ToLocalDate(clock.GetUtcNow());
        var deadlines = tasks.Where(t => t.IsActive && t.DueDate is not null)
            .Select(t => new DeadlineView("task", t.Id, t.Title, Views.Date(t.DueDate)!, t.DueDate!.Value.DayNumber - today.DayNumber, t.OverdueAt is not null))
            .Concat(filings.Where(f => f.IsOpen)
                .Select(f => new DeadlineView("filing", f.Id, f.Title ?? f.Type.ChineseName(), Views.Date(f.DueDate)!,
                    f.DueDate.DayNumber - today.DayNumber, f.Status == FilingStatus.Overdue)))
            .OrderBy(d => d.DueDate, StringComparer.Ordinal).ToList();

        return new CaseView(@case.Id, @case.Procedure, ProcedureCatalog.Find(@case.Procedure)?.Name ?? @case.Procedure, @case.Title,
            new UnitRef(@case.CompoundId, compound?.Name ?? @case.CompoundId), status, statusName, @case.StartedAt, @case.WorkflowInstanceId,
            tasks.Where(t => t.IsActive).Select(TaskView.From).ToList(),
            tasks.Where(t => !t.IsActive).Select(TaskView.From).ToList(),
            filings.OrderBy(f => f.CreatedAt).Select(FilingView.From).ToList(),
            credit.OrderBy(r => r.CreatedAt).Select(CreditRecordView.From).ToList(),
            votes.OrderBy(v => v.RecordedAt).Select(VoteView.From).ToList(),
            deadlines,
            @case.Procedure == StarRatingView.Procedure ? StarRatingView.From(tasks, compound?.FloorArea ?? 0m) : null);
    }

    public async Task<IReadOnlyList<CaseSummary>> ForCompoundAsync(string compoundId, CancellationToken ct)
    {
        var cases = await db.Set<Case>().AsNoTracking().Where(c => c.CompoundId == compoundId).ToListAsync(ct);
        var instanceIds = cases.Select(c => c.WorkflowInstanceId).ToList();
        var statuses = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Status, i.SubStatus }).ToDictionaryAsync(i => i.Id, ct);
        return cases.OrderByDescending(c => c.StartedAt).Select(c =>
        {
            var (status, name) = statuses.TryGetValue(c.WorkflowInstanceId, out var s) ? Status(s.Status, s.SubStatus) : ("Unknown", "未知");
            return new CaseSummary(c.Id, c.Procedure, ProcedureCatalog.Find(c.Procedure)?.Name ?? c.Procedure, c.Title, status, name,
                c.StartedAt, c.WorkflowInstanceId);
        }).ToList();
    }

    private async Task<(string, string)> StatusAsync(string instanceId, CancellationToken ct)
    {
        var row = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.Status, i.SubStatus }).FirstOrDefaultAsync(ct);
        return row is null ? ("Unknown", "未知") : Status(row.Status, row.SubStatus);
    }

    internal static (string, string) Status(string status, string subStatus) => (status, subStatus) switch
    {
        (nameof(WorkflowStatus.Finished), nameof(WorkflowSubStatus.Cancelled)) => ("Cancelled", "已撤销"),
        (nameof(WorkflowStatus.Finished), nameof(WorkflowSubStatus.Faulted)) => ("Faulted", "异常中止"),
        (nameof(WorkflowStatus.Finished), _) => ("Closed", "已办结"),
        _ => ("Open", "办理中"),
    };
}

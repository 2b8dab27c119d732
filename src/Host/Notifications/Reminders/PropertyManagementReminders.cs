using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Notifications.Reminders;

/// <summary>
/// The procedures' deadlines: an officer task (Pm.OfficerTask, Pm.Escalate …) reminds its unit and, after the due
/// date, urges the unit above; a filing (Pm.FilingWindow) reminds the obliged party (company or committee) and urges
/// the authority it is filed with. The reminder days are the activity's <c>Reminders</c> input.
/// Until officers sign in, a unit is reached at its own contact email and mobile.
/// </summary>
internal sealed class PropertyManagementReminders : IReminderSource
{
    public bool Handles(object effect) => effect is TaskOpened or TaskCompleted or TaskCancelled or FilingOpened or FilingRecorded;

    public async Task<IReadOnlyList<object>> MapAsync(WorkflowsDbContext db, object effect, CancellationToken ct) => effect switch
    {
        TaskOpened { Task: var task } => await TaskAsync(db, task, ct),
        TaskCompleted done => [new DeadlineClosed(SubjectKinds.Task, done.TaskId, "任务已办结")],
        TaskCancelled cancelled => [new DeadlineClosed(SubjectKinds.Task, cancelled.TaskId, cancelled.Reason)],
        FilingOpened { Filing: var filing } => await FilingAsync(db, filing, ct),
        FilingRecorded recorded => [new DeadlineClosed(SubjectKinds.Filing, recorded.FilingId, "已登记备案")],
        _ => [],
    };

    public async Task<bool?> IsOpenAsync(WorkflowsDbContext db, string subjectKind, string subjectId, CancellationToken ct)
    {
        switch (subjectKind)
        {
            case SubjectKinds.Task:
                var task = await db.Set<OfficerTask>().AsNoTracking().Where(t => t.Id == subjectId).Select(t => (OfficerTaskStatus?)t.Status).FirstOrDefaultAsync(ct);
                return task is null ? null : task is OfficerTaskStatus.Open or OfficerTaskStatus.Claimed;
            case SubjectKinds.Filing:
                var filing = await db.Set<Filing>().AsNoTracking().Where(f => f.Id == subjectId).Select(f => (FilingStatus?)f.Status).FirstOrDefaultAsync(ct);
                return filing is null ? null : filing is FilingStatus.Pending or FilingStatus.Overdue;
            default:
                return null;
        }
    }

    private static async Task<IReadOnlyList<object>> TaskAsync(WorkflowsDbContext db, OfficerTask task, CancellationToken ct)
    {
        if (task.DueDate is not { } dueDate || task.DueAt is not { } dueAt) return [];
        var unit = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == task.UnitId, ct);
        var supervisor = unit is null ? null : await SupervisorOfAsync(db, unit, ct);
        var model = await ModelAsync(db, task.CompoundId, task.CaseId, ct);
        model["title"] = task.Title;
        model["unit_name"] = task.UnitName;
        model["responsible_name"] = task.UnitName;
        model["period"] = task.Period ?? "";
        return
        [
            new DeadlineOpened(SubjectKinds.Task, task.Id, task.WorkflowInstanceId, task.CaseId, dueDate, dueAt, task.ReminderDays,
                Contacts(unit), Contacts(supervisor), model, NotifyAssigned: true),
        ];
    }

    private static async Task<IReadOnlyList<object>> FilingAsync(WorkflowsDbContext db, Filing filing, CancellationToken ct)
    {
        var authority = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == filing.AuthorityUnitId, ct);
        var responsible = new List<ReminderRecipient>();
        if (!string.IsNullOrWhiteSpace(filing.ResponsibleEmail))
            responsible.Add(new ReminderRecipient(Channels.Email, filing.ResponsibleEmail.Trim(), filing.ResponsibleName));
        if (!string.IsNullOrWhiteSpace(filing.ResponsibleMobile))
            responsible.Add(new ReminderRecipient(Channels.Sms, filing.ResponsibleMobile.Trim(), filing.ResponsibleName));
        var model = await ModelAsync(db, filing.CompoundId, filing.CaseId, ct);
        model["title"] = filing.Title ?? filing.Type.ChineseName();
        model["unit_name"] = authority?.Name ?? "";
        model["responsible_name"] = filing.ResponsibleName;
        model["period"] = filing.Period ?? "";
        return
        [
            new DeadlineOpened(SubjectKinds.Filing, filing.Id, filing.WorkflowInstanceId, filing.CaseId, filing.DueDate, filing.DueAt,
                filing.ReminderDays, responsible, Contacts(authority), model),
        ];
    }

    /// <summary>
    /// The unit that supervises <paramref name="unit"/>: a community's street office; a street office's district
    /// housing bureau (the district itself has no desk); the bureau's leading group.
    /// </summary>
    internal static async Task<Unit?> SupervisorOfAsync(WorkflowsDbContext db, Unit unit, CancellationToken ct)
    {
        if (unit.ParentId is null) return null;
        var parent = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == unit.ParentId, ct);
        if (parent?.Kind != UnitKind.District) return parent;
        var above = unit.Kind switch
        {
            UnitKind.DistrictHousingBureau => UnitKind.DistrictLeadingGroup,
            UnitKind.DistrictLeadingGroup => (UnitKind?)null,
            _ => UnitKind.DistrictHousingBureau,
        };
        return above is null ? null
            : await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.ParentId == parent.Id && u.Kind == above, ct);
    }

    private static List<ReminderRecipient> Contacts(Unit? unit)
    {
        var result = new List<ReminderRecipient>();
        if (unit is null) return result;
        if (!string.IsNullOrWhiteSpace(unit.Email)) result.Add(new ReminderRecipient(Channels.Email, unit.Email.Trim(), unit.Name));
        if (!string.IsNullOrWhiteSpace(unit.Mobile)) result.Add(new ReminderRecipient(Channels.Sms, unit.Mobile.Trim(), unit.Name));
        return result;
    }

    private static async Task<Dictionary<string, string>> ModelAsync(WorkflowsDbContext db, string? compoundId, string caseId, CancellationToken ct)
    {
        var compound = compoundId is null ? null
            : await db.Set<Compound>().AsNoTracking().Where(c => c.Id == compoundId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return new Dictionary<string, string> { ["compound_name"] = compound ?? "", ["case_id"] = caseId };
    }
}

using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Filings;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Workspace.Cases;

/// <summary>
/// Audit entries for what a run burst does to a case: started, finished or cancelled, and a filing recorded. They are
/// added to the burst's transaction, so the change and its entry are saved together. Who: the request's caller when
/// the burst runs inside a request (an officer's click, an API call); the workflow itself when a timer fired it.
/// </summary>
internal sealed class CaseAuditWriter(IHttpContextAccessor http) : IBurstWriter
{
    public async Task WriteAsync(WorkflowsDbContext db, RunResult result, DateTimeOffset now, CancellationToken ct)
    {
        var records = new List<AuditRecord>();
        foreach (var opened in result.Effects.OfType<CaseOpened>())
            records.Add(new AuditRecord(CaseAuditActions.CaseStart, CaseAuditActions.Resources.Case, opened.Case.Id, null, CaseSnapshot(opened.Case, "Open")));
        foreach (var recorded in result.Effects.OfType<FilingRecorded>())
            if (FilingAudit(db, recorded) is { } record) records.Add(record);
        if (await FinishedAsync(db, result, ct) is { } finished) records.Add(finished);
        if (records.Count == 0) return;

        var context = http.HttpContext;
        var officer = context?.RequestServices.GetService<ICurrentOfficer>();
        foreach (var record in records)
        {
            var withActor = context is null ? record with { Actor = AuditActor.System("workflow") } : record;
            db.Add(AuditLog.Entry(withActor, officer, context, now));
        }
    }

    /// <summary>The filing row as the burst loaded it (before) and as the filing effect left it (after).</summary>
    private static AuditRecord? FilingAudit(WorkflowsDbContext db, FilingRecorded recorded)
    {
        var entry = db.ChangeTracker.Entries<Filing>().FirstOrDefault(e => e.Entity.Id == recorded.FilingId);
        if (entry is null) return null;
        object Snapshot(Func<string, object?> value) => new
        {
            Status = value(nameof(Filing.Status))?.ToString(),
            FiledOn = value(nameof(Filing.FiledOn)),
            ReceiptNumber = value(nameof(Filing.ReceiptNumber)),
            RecordedBy = value(nameof(Filing.RecordedBy)),
            DueDate = value(nameof(Filing.DueDate)),
            CaseId = entry.Entity.CaseId,
        };
        return new AuditRecord(CaseAuditActions.FilingRecord, CaseAuditActions.Resources.Filing, recorded.FilingId,
            Snapshot(name => entry.OriginalValues[name]), Snapshot(name => entry.CurrentValues[name]));
    }

    /// <summary>The burst that moves the instance to Finished: the case is closed, or cancelled.</summary>
    private static async Task<AuditRecord?> FinishedAsync(WorkflowsDbContext db, RunResult result, CancellationToken ct)
    {
        var state = result.State;
        if (!result.FinishedInThisBurst) return null;
        var caseId = result.Effects.OfType<CaseOpened>().Select(c => c.Case.Id).FirstOrDefault()
                     ?? await db.Set<Case>().AsNoTracking().Where(c => c.WorkflowInstanceId == state.Id).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (caseId is null) return null;
        var cancelled = state.SubStatus == WorkflowSubStatus.Cancelled;
        return new AuditRecord(cancelled ? CaseAuditActions.CaseCancel : CaseAuditActions.CaseFinish, CaseAuditActions.Resources.Case, caseId,
            new { Status = "Open" }, new { Status = cancelled ? "Cancelled" : state.SubStatus.ToString(), state.FinishedAt, WorkflowInstanceId = state.Id });
    }

    private static object CaseSnapshot(Case c, string status) =>
        new { c.Procedure, c.CompoundId, c.Title, c.WorkflowInstanceId, c.StartedBy, c.StartedAt, Status = status };
}

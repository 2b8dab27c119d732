using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Filings;

namespace Workflows.Host.PropertyManagement.Persistence;

/// <summary>Applies filing effects through the ledger row's state machine, in the run's transaction.</summary>
internal sealed class FilingEffectWriter : IEffectWriter
{
    public bool CanWrite(object effect) => effect is FilingOpened or FilingRecorded or FilingOverdue;

    public async Task WriteAsync(WorkflowsDbContext db, object effect, DateTimeOffset now, CancellationToken ct)
    {
        switch (effect)
        {
            case FilingOpened opened:
                db.Add(opened.Filing);
                break;
            case FilingRecorded recorded:
                (await FindAsync(db, recorded.FilingId, ct)).Record(recorded.FiledOn, recorded.ReceiptNumber, recorded.By, recorded.At);
                break;
            case FilingOverdue overdue:
                (await FindAsync(db, overdue.FilingId, ct)).MarkOverdue(overdue.At);
                break;
        }
    }

    private static async Task<Filing> FindAsync(WorkflowsDbContext db, string id, CancellationToken ct) =>
        await db.Set<Filing>().FindAsync([id], ct) ?? throw new InvalidOperationException($"Filing {id} does not exist.");
}

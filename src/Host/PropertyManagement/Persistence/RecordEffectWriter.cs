using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Credit;
using Workflows.PropertyManagement.Votes;

namespace Workflows.Host.PropertyManagement.Persistence;

/// <summary>Credit records and recorded votes: append-only rows.</summary>
internal sealed class RecordEffectWriter : IEffectWriter
{
    public bool CanWrite(object effect) => effect is CreditRecordAdded or VoteRecorded;

    public Task WriteAsync(WorkflowsDbContext db, object effect, DateTimeOffset now, CancellationToken ct)
    {
        db.Add(effect switch
        {
            CreditRecordAdded credit => (object)credit.Record,
            VoteRecorded vote => vote.Vote,
            _ => throw new ArgumentException($"Unexpected effect {effect.GetType().Name}.", nameof(effect)),
        });
        return Task.CompletedTask;
    }
}

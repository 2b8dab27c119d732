using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Cases;

namespace Workflows.Host.PropertyManagement.Persistence;

/// <summary>The case row is written with its instance's first burst: a case exists exactly when its instance does.</summary>
internal sealed class CaseEffectWriter : IEffectWriter
{
    public bool CanWrite(object effect) => effect is CaseOpened;

    public Task WriteAsync(WorkflowsDbContext db, object effect, DateTimeOffset now, CancellationToken ct)
    {
        db.Add(((CaseOpened)effect).Case);
        return Task.CompletedTask;
    }
}

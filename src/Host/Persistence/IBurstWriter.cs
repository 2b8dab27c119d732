using Workflows.Runtime.Execution;

namespace Workflows.Host.Persistence;

/// <summary>
/// Adds rows about a whole run burst (e.g. audit entries for a case that started or finished) to the burst's
/// transaction, after every effect was written, so it sees the burst's changes before they are saved.
/// </summary>
public interface IBurstWriter
{
    Task WriteAsync(WorkflowsDbContext db, RunResult result, DateTimeOffset now, CancellationToken ct);
}

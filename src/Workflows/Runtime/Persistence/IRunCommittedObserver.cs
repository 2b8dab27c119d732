using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Persistence;

/// <summary>
/// Told after a run burst has been committed: the place to hand new timers to the scheduler and new
/// messages to the sender. Work done here must be safe to repeat, because a crash can happen right before it.
/// </summary>
public interface IRunCommittedObserver
{
    Task OnCommittedAsync(RunResult result, CancellationToken ct);
}

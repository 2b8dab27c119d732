namespace Workflows.Host.Persistence;

/// <summary>
/// Writes one kind of activity effect (a task, a filing, a message) into the run's transaction, so the effect
/// exists exactly when the step that caused it does.
/// Every writer that can write an effect writes it.
/// </summary>
public interface IEffectWriter
{
    bool CanWrite(object effect);

    Task WriteAsync(WorkflowsDbContext db, object effect, DateTimeOffset now, CancellationToken ct);
}

using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Officers;

namespace Workflows.Host.District;

/// <summary>
/// Runs one change of a register as one transaction: stage it (validate and apply to the tracked entities), record
/// it in the audit trail, save, commit; then let this host's unit tree reload (other hosts reload within
/// <see cref="UnitTreeJurisdiction.MaxAge"/>). A refused change saves nothing.
/// </summary>
internal sealed class DistrictAdministration(WorkflowsDbContext db, IAuditLog audit, UnitTreeJurisdiction tree, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<RegisterResult> SaveAsync(Func<Task<Staged>> stage, string missingField, string missingMessage, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var staged = await stage();
        if (staged.Missing) return new RegisterResult.NotFound(missingField, missingMessage);
        if (staged.Errors.Any) return new RegisterResult.Invalid(staged.Errors.ToDictionary());
        if (staged.Changed)
        {
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(staged.Audit(), ct);
            await transaction.CommitAsync(ct);
            tree.Invalidate();
        }
        return new RegisterResult.Done(staged.After!);
    }

    /// <summary>Deletes the entity unless <paramref name="refusal"/> names what still depends on it (then 409, nothing changed).</summary>
    public async Task<RegisterResult> DeleteAsync<T>(T? entity, string resourceType, string id, Func<T, object> view,
        Func<T, Task<string?>> refusal, Func<T, Task>? alsoRemove, string missingField, string missingMessage, CancellationToken ct) where T : class
    {
        if (entity is null) return new RegisterResult.NotFound(missingField, missingMessage);
        if (await refusal(entity) is { } why) return new RegisterResult.Conflict(why);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = view(entity);
        if (alsoRemove is not null) await alsoRemove(entity);
        db.Remove(entity);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord(DistrictAudit.Delete, resourceType, id, before), ct);
        await transaction.CommitAsync(ct);
        tree.Invalidate();
        return new RegisterResult.Done(before);
    }

    /// <summary>Deactivates or reactivates the entity (both recorded); the entity keeps its id and everything that refers to it.</summary>
    public async Task<RegisterResult> SetActiveAsync<T>(T? entity, string resourceType, string id, bool active, Func<T, object> view,
        Action<T> change, string missingField, string missingMessage, CancellationToken ct) where T : class
    {
        if (entity is null) return new RegisterResult.NotFound(missingField, missingMessage);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = view(entity);
        change(entity);
        var after = view(entity);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord(active ? DistrictAudit.Activate : DistrictAudit.Deactivate, resourceType, id, before, after), ct);
        await transaction.CommitAsync(ct);
        tree.Invalidate();
        return new RegisterResult.Done(after);
    }
}

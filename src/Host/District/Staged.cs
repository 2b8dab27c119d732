using System.Text.Json;
using Workflows.Host.Workspace.Audit;

namespace Workflows.Host.District;

/// <summary>How a staged change treats the id: a new entry, an existing one, or whichever it is (the import).</summary>
internal enum StageMode
{
    Create,
    Update,
    Upsert,
}

/// <summary>
/// One register entry validated and applied to the tracked entities, not yet saved: the errors, or the entry's view
/// before and after. <see cref="Changed"/> is false when nothing differs (a re-import), so nothing is saved or audited.
/// </summary>
internal sealed record Staged(FieldErrors Errors, string ResourceType, string? Id, object? Before, object? After)
{
    public bool Created => Before is null && After is not null;

    public bool Changed => !Errors.Any && Json(Before) != Json(After);

    /// <summary>Set when the entry itself does not exist (an update of an unknown id).</summary>
    public bool Missing { get; init; }

    public AuditRecord Audit() => new(Created ? DistrictAudit.Create : DistrictAudit.Update, ResourceType, Id, Before, After);

    private static string? Json(object? view) => view is null ? null : JsonSerializer.Serialize(view, view.GetType(), AuditLog.Json);

    public static Staged Failed(FieldErrors errors, string resourceType, string? id) => new(errors, resourceType, id, null, null);
}

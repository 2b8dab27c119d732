namespace Workflows.PropertyManagement.Jurisdictions;

/// <summary>A node of the jurisdiction tree: a district, one of its offices, a street office, a community or a compound.</summary>
public sealed class Unit
{
    public Unit(string id, string name, UnitKind kind, string? parentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        Kind = kind;
        ParentId = parentId;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public UnitKind Kind { get; private set; }
    public string? ParentId { get; private set; }

    /// <summary>The office's mailbox for notices and reminders (optional).</summary>
    public string? Email { get; set; }

    /// <summary>The office's duty mobile for SMS (optional).</summary>
    public string? Mobile { get; set; }

    /// <summary>
    /// Set once an admin deactivated the unit: it keeps its id, its cases and its officers' history, but takes no new
    /// cases. A unit with open cases or officers is deactivated instead of deleted.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool Active => DeactivatedAt is null;

    /// <summary>A new name under the same id: running cases, tasks and officers keep pointing at it.</summary>
    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public void Deactivate(DateTimeOffset at) => DeactivatedAt ??= at;

    public void Activate() => DeactivatedAt = null;
}

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
}

using Workflows.PropertyManagement.Companies;

namespace Workflows.PropertyManagement.Committees;

/// <summary>A compound's owners' committee or property management committee.</summary>
public sealed class Committee
{
    public Committee(string id, string compoundId, CommitteeKind kind, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(compoundId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        CompoundId = compoundId;
        Kind = kind;
        Name = name;
    }

    public string Id { get; private set; }
    public string CompoundId { get; private set; }
    public CommitteeKind Kind { get; private set; }
    public string Name { get; private set; }
    public DateOnly? TermStart { get; set; }

    /// <summary>End of the term; re-election guidance starts 90 days before it (Zhengzhou art. 25).</summary>
    public DateOnly? TermEnd { get; set; }

    public List<string> Members { get; set; } = [];

    /// <summary>主任: the chair (one of the members).</summary>
    public string? Chair { get; set; }

    /// <summary>Who receives the committee's notices and reminders (usually the chair).</summary>
    public Contact? Contact { get; set; }

    /// <summary>A new name under the same id.</summary>
    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>业主委员会 or 物业管理委员会 (a management committee replaced by an elected one keeps its record).</summary>
    public void ChangeKind(CommitteeKind kind) => Kind = kind;
}

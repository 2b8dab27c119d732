namespace Workflows.PropertyManagement.Compounds;

/// <summary>
/// 小区: a residential compound (property management area). Its id is also its <see cref="Jurisdictions.Unit"/> id
/// in the jurisdiction tree, under its community.
/// </summary>
public sealed class Compound
{
    public Compound(string id, string name, string districtId, string streetOfficeId, string communityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        DistrictId = districtId;
        StreetOfficeId = streetOfficeId;
        CommunityId = communityId;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public string DistrictId { get; private set; }
    public string StreetOfficeId { get; private set; }
    public string CommunityId { get; private set; }
    public string? Address { get; set; }

    /// <summary>Total exclusive floor area in m² (the base of the art. 278 area thresholds).</summary>
    public decimal FloorArea { get; set; }

    /// <summary>Number of owners (households); the base of the art. 278 headcount thresholds.</summary>
    public int Households { get; set; }

    /// <summary>The property company serving it now; null for an unmanaged compound (失管弃管 / 无物业).</summary>
    public string? CompanyId { get; set; }

    /// <summary>The owners' committee or property management committee; null when there is none.</summary>
    public string? CommitteeId { get; set; }

    /// <summary>Seed 004's grading of a compound's facilities (八有/五有/四有); null when not graded.</summary>
    public CompoundClassification? Classification { get; set; }

    /// <summary>老旧小区: an old compound (seed 004's renovation programme).</summary>
    public bool OldCompound { get; set; }

    public CompoundStatus Status { get; set; } = CompoundStatus.Managed;

    /// <summary>Set once deactivated: hidden from new cases, its old cases stay readable.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool Active => DeactivatedAt is null;

    /// <summary>A new name under the same id: cases keep pointing at it.</summary>
    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Moves the compound to another community (of the same district); its cases follow it.</summary>
    public void MoveTo(string streetOfficeId, string communityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streetOfficeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(communityId);
        StreetOfficeId = streetOfficeId;
        CommunityId = communityId;
    }

    public void Deactivate(DateTimeOffset at) => DeactivatedAt ??= at;

    public void Activate() => DeactivatedAt = null;
}

using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Workspace.Officers;

/// <summary>A node of the jurisdiction tree as authorization needs it.</summary>
public sealed record JurisdictionUnit(string Id, string Name, UnitKind Kind, string? ParentId);

/// <summary>
/// The jurisdiction tree (District → StreetOffice → Community → Compound; the district's housing bureau and
/// leading group are children of the district) as far as authorization asks about it.
/// </summary>
public interface IJurisdiction
{
    /// <summary>True when <paramref name="unitId"/> is <paramref name="ancestorUnitId"/> or lies below it.</summary>
    ValueTask<bool> IsWithinAsync(string unitId, string ancestorUnitId, CancellationToken ct = default);

    ValueTask<JurisdictionUnit?> FindAsync(string unitId, CancellationToken ct = default);

    /// <summary>The unit and every unit below it (for filtering lists); empty for an unknown unit.</summary>
    ValueTask<IReadOnlySet<string>> SubtreeAsync(string unitId, CancellationToken ct = default);

    /// <summary>Every unit, parents before children.</summary>
    ValueTask<IReadOnlyList<JurisdictionUnit>> UnitsAsync(CancellationToken ct = default);
}

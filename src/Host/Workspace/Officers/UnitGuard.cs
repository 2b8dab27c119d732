namespace Workflows.Host.Workspace.Officers;

/// <summary>
/// The check before an endpoint shows or changes something that belongs to a unit. A refusal is answered as if
/// the resource did not exist (404, the same body as a real miss), so ids of other units reveal nothing; it is
/// logged with the user and the resource, for whoever looks into probing.
/// </summary>
public sealed class UnitGuard(ICurrentOfficer officer, ILogger<UnitGuard> logger)
{
    /// <summary>Whether the caller may see <paramref name="resourceType"/> <paramref name="resourceId"/>, which belongs to <paramref name="unitId"/>.</summary>
    public async ValueTask<bool> CanSeeAsync(string resourceType, string resourceId, string unitId, CancellationToken ct = default)
    {
        if (await officer.CanSeeAsync(unitId, ct)) return true;
        Refused("see", resourceType, resourceId, unitId);
        return false;
    }

    /// <summary>Whether the caller may act on <paramref name="resourceType"/> <paramref name="resourceId"/>, addressed to <paramref name="unitId"/>.</summary>
    public async ValueTask<bool> CanActAsync(string resourceType, string resourceId, string unitId, CancellationToken ct = default)
    {
        if (await officer.CanActForAsync(unitId, ct)) return true;
        Refused("act on", resourceType, resourceId, unitId);
        return false;
    }

    private void Refused(string access, string resourceType, string resourceId, string unitId) =>
        logger.LogWarning(
            "Refused to let {UserName} (user {UserId}, unit {OfficerUnitId}) {Access} {ResourceType} {ResourceId} of unit {ResourceUnitId}; answered 404",
            officer.Name, officer.UserId, officer.Unit?.Id, access, resourceType, resourceId, unitId);
}

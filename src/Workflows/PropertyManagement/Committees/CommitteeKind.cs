namespace Workflows.PropertyManagement.Committees;

public enum CommitteeKind
{
    /// <summary>业主委员会: elected by the owners' assembly.</summary>
    OwnersCommittee,

    /// <summary>物业管理委员会: the temporary body a street office forms when no owners' committee can be (seed 001 item 4).</summary>
    PropertyManagementCommittee,
}

namespace Workflows.PropertyManagement.Votes;

/// <summary>
/// A recorded vote by exclusive floor area (m²) and by headcount: the totals of the compound, who took part,
/// and who approved.
/// </summary>
public sealed record VoteTally(
    decimal TotalArea,
    int TotalOwners,
    decimal ParticipatingArea,
    int ParticipatingOwners,
    decimal ApprovingArea,
    int ApprovingOwners)
{
    /// <summary>Problems by field name (the form's camelCase keys), in Chinese; empty when the tally is coherent.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (TotalArea <= 0) errors["totalArea"] = ["专有部分总面积必须大于 0。"];
        if (TotalOwners <= 0) errors["totalOwners"] = ["业主总人数必须大于 0。"];
        if (ParticipatingArea < 0) errors["participatingArea"] = ["参与表决面积不能为负数。"];
        else if (TotalArea > 0 && ParticipatingArea > TotalArea) errors["participatingArea"] = ["参与表决面积不能超过专有部分总面积。"];
        if (ParticipatingOwners < 0) errors["participatingOwners"] = ["参与表决人数不能为负数。"];
        else if (TotalOwners > 0 && ParticipatingOwners > TotalOwners) errors["participatingOwners"] = ["参与表决人数不能超过业主总人数。"];
        if (ApprovingArea < 0) errors["approvingArea"] = ["同意面积不能为负数。"];
        else if (ApprovingArea > ParticipatingArea) errors["approvingArea"] = ["同意面积不能超过参与表决面积。"];
        if (ApprovingOwners < 0) errors["approvingOwners"] = ["同意人数不能为负数。"];
        else if (ApprovingOwners > ParticipatingOwners) errors["approvingOwners"] = ["同意人数不能超过参与表决人数。"];
        return errors;
    }
}

namespace Workflows.PropertyManagement.Votes;

public enum VoteThreshold
{
    ParticipationArea,
    ParticipationOwners,
    ApprovalArea,
    ApprovalOwners,
}

/// <summary>A threshold the vote missed, with the Chinese sentence that says by how much.</summary>
public sealed record FailedThreshold(VoteThreshold Threshold, string Message);

public sealed record VoteResult(bool Passed, IReadOnlyList<FailedThreshold> Failures)
{
    /// <summary>One Chinese line: 通过, or 未通过 and every threshold missed.</summary>
    public string Summary => Passed ? "表决通过" : "表决未通过：" + string.Join("；", Failures.Select(f => f.Message));
}

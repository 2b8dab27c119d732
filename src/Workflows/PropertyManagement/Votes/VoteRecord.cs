namespace Workflows.PropertyManagement.Votes;

/// <summary>A recorded owners' vote and its result under art. 278.</summary>
public sealed class VoteRecord
{
    public VoteRecord(string id, string caseId, string subject, VoteMatter matter, VoteTally tally, VoteResult result, DateOnly decidedOn, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(result);
        Id = id;
        CaseId = caseId;
        Subject = subject;
        Matter = matter;
        TotalArea = tally.TotalArea;
        TotalOwners = tally.TotalOwners;
        ParticipatingArea = tally.ParticipatingArea;
        ParticipatingOwners = tally.ParticipatingOwners;
        ApprovingArea = tally.ApprovingArea;
        ApprovingOwners = tally.ApprovingOwners;
        Passed = result.Passed;
        Result = result.Summary;
        FailedThresholds = result.Failures.Select(f => f.Threshold.ToString()).ToList();
        DecidedOn = decidedOn;
        RecordedAt = recordedAt;
    }

    private VoteRecord()
    {
        Id = CaseId = Subject = Result = "";
    }

    public string Id { get; private set; }
    public string CaseId { get; private set; }
    public string? CompoundId { get; set; }
    public string? TaskId { get; set; }
    public string? WorkflowInstanceId { get; set; }
    public string Subject { get; private set; }
    public VoteMatter Matter { get; private set; }
    public decimal TotalArea { get; private set; }
    public int TotalOwners { get; private set; }
    public decimal ParticipatingArea { get; private set; }
    public int ParticipatingOwners { get; private set; }
    public decimal ApprovingArea { get; private set; }
    public int ApprovingOwners { get; private set; }
    public bool Passed { get; private set; }

    /// <summary>The Chinese summary naming every threshold missed.</summary>
    public string Result { get; private set; }

    public List<string> FailedThresholds { get; private set; } = [];
    public DateOnly DecidedOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

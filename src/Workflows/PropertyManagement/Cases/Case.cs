namespace Workflows.PropertyManagement.Cases;

/// <summary>
/// 案件: one run of a statutory procedure for one compound. Its id is the workflow instance's correlation id;
/// its status is the instance's (read, not copied, so the two cannot disagree).
/// </summary>
public sealed class Case
{
    public Case(string id, string procedure, string compoundId, string workflowInstanceId, string title, DateTimeOffset startedAt)
    {
        Id = id;
        Procedure = procedure;
        CompoundId = compoundId;
        WorkflowInstanceId = workflowInstanceId;
        Title = title;
        StartedAt = startedAt;
    }

    public string Id { get; private set; }

    /// <summary>The definition id of the procedure, e.g. <c>contract-filing</c>.</summary>
    public string Procedure { get; private set; }

    public string CompoundId { get; private set; }
    public string WorkflowInstanceId { get; private set; }
    public string Title { get; private set; }

    /// <summary>The case input as given (JSON text), for the record.</summary>
    public string? InputJson { get; set; }

    public string? StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; private set; }
}

public sealed record CaseOpened(Case Case);

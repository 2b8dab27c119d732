namespace Workflows.Runtime.Execution;

/// <summary>Elsa's instance status: an instance is either still running (possibly suspended) or finished.</summary>
public enum WorkflowStatus
{
    Running,
    Finished,
}

public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}

namespace Workflows.PropertyManagement.Tasks;

/// <summary>A task was opened by an activity; saved with the run that opened it.</summary>
public sealed record TaskOpened(OfficerTask Task);

public sealed record TaskCompleted(string TaskId, string? Outcome, string? FormJson, string? By, string? Note, DateTimeOffset At);

public sealed record TaskOverdue(string TaskId, DateTimeOffset At);

public sealed record TaskCancelled(string TaskId, string Reason, DateTimeOffset At);

using Workflows.PropertyManagement.Deadlines;

namespace Workflows.PropertyManagement.Tasks;

/// <summary>A task's period that waits for a holiday year, with the reminders it asks for once it has a due date.</summary>
public sealed record PendingDeadline(DeadlineRequest Request, IReadOnlyList<int> ReminderDays);

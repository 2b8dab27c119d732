using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.PropertyManagement.Activities;

/// <summary>What an activity asks <see cref="TaskOpener"/> to open.</summary>
internal sealed record TaskRequest(
    string ActivityType,
    string Title,
    string? Instructions,
    Actor Role,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<FormField> Fields,
    DeadlineRequest Deadline,
    IReadOnlyList<int> ReminderDays,
    Actor? EscalatedFrom = null);

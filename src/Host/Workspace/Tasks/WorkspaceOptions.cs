using System.ComponentModel.DataAnnotations;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>Section <c>Workspace</c>: how the task inbox colours deadlines. Validated at start.</summary>
public sealed class WorkspaceOptions
{
    public const string Section = "Workspace";

    /// <summary>A task due within this many days (China time) is yellow; an overdue one red; others green.</summary>
    [Range(0, 60, ErrorMessage = "Workspace:WarningDays must be between 0 and 60 days.")]
    public int WarningDays { get; set; } = 3;
}

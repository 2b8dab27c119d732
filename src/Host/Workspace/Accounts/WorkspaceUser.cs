using Microsoft.AspNetCore.Identity;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Workspace.Accounts;

/// <summary>
/// A person who signs in: an admin (no unit) or an officer of one unit of the jurisdiction tree. The unit's
/// kind and name are copied here when the user is created, so a session needs no lookup to show them.
/// </summary>
public sealed class WorkspaceUser : IdentityUser
{
    public const int MaxNameLength = 64;

    /// <summary>The person's name as shown (e.g. 张三).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Id of the unit (<see cref="Unit.Id"/>); null for an admin.</summary>
    public string? UnitId { get; set; }

    public UnitKind? UnitKind { get; set; }

    public string? UnitName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

namespace Workflows.Host.Workspace.Accounts;

/// <summary>
/// A password a user has had, as Identity's hash (never the password): the newest <see cref="PasswordRules.HistoryDepth"/>
/// per user are kept so that <see cref="PasswordRules"/> can refuse choosing one of them again.
/// </summary>
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

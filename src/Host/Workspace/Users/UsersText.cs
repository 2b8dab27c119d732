namespace Workflows.Host.Workspace.Users;

/// <summary>The words of the users page: <c>UsersText.resx</c> (Chinese) and <c>UsersText.en.resx</c>.</summary>
public sealed class UsersText;

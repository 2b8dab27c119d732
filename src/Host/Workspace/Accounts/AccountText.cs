namespace Workflows.Host.Workspace.Accounts;

/// <summary>The words of the sign-in, password, home and denied pages: <c>AccountText.resx</c> (Chinese) and <c>AccountText.en.resx</c>.</summary>
public sealed class AccountText;

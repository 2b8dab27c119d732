namespace Workflows.Host.Workspace.Accounts;

/// <summary>What the sign-in page tells above its form.</summary>
public enum SignInNotice
{
    None,
    Failed,
    Throttled,
    SignedOut,
}

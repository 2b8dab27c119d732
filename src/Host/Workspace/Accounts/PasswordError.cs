namespace Workflows.Host.Workspace.Accounts;

public enum PasswordField
{
    Current,
    New,
    Confirm,
}

/// <summary>One refusal of the password form: the field, a code the page words (<c>Error.{Code}</c>), Identity's own words as a fallback.</summary>
public sealed record PasswordError(PasswordField Field, string Code, string? Fallback = null);

namespace Workflows.Host.District;

/// <summary>What a change to a register came to: done (with the entry as shown), refused with field errors, unknown, or in conflict.</summary>
internal abstract record RegisterResult
{
    public sealed record Done(object View) : RegisterResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : RegisterResult;

    public sealed record NotFound(string Field, string Message) : RegisterResult;

    /// <summary>409: the change would break something that depends on the entry; the message says what and what to do instead.</summary>
    public sealed record Conflict(string Message) : RegisterResult;
}

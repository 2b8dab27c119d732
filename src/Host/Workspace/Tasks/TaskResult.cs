namespace Workflows.Host.Workspace.Tasks;

/// <summary>What a task action came to; the API and the pages turn it into their answer.</summary>
internal abstract record TaskResult
{
    public sealed record Done(object Value) : TaskResult;

    /// <summary>Unknown, or another unit's (answered the same way).</summary>
    public sealed record NotFound : TaskResult;

    /// <summary>Bad input, keyed by field, in Chinese; nothing was stored.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : TaskResult
    {
        public static Invalid Of(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>The task changed meanwhile or is in the wrong state for this; nothing was stored.</summary>
    public sealed record Conflict(string Message) : TaskResult;

    /// <summary>Cannot be done now (e.g. the next steps cannot be computed); nothing was stored.</summary>
    public sealed record Blocked(string Message) : TaskResult;
}

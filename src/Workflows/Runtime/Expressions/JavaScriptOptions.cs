namespace Workflows.Runtime.Expressions;

/// <summary>
/// Limits of the JavaScript sandbox. Scripts come from definitions that admins edit, so a runaway script must
/// end as an incident on its instance, never hang or exhaust the service.
/// </summary>
public sealed class JavaScriptOptions
{
    /// <summary>Wall-clock limit per evaluation, in milliseconds. Default 2000.</summary>
    public int TimeoutMilliseconds { get; set; } = 2000;

    /// <summary>Memory a script may allocate, in bytes. Default 16 MiB.</summary>
    public long MemoryLimitBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Maximum call depth. Default 64.</summary>
    public int RecursionLimit { get; set; } = 64;

    /// <summary>Maximum statements executed per evaluation. Default 1,000,000.</summary>
    public int MaxStatements { get; set; } = 1_000_000;
}

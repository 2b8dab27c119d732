namespace Workflows.Runtime.Expressions.Liquid;

/// <summary>
/// Bounds of one Liquid render (configuration section <c>Expressions:Liquid</c>). Templates come from definitions and
/// message templates that admins edit, so a loop that never ends or a string that doubles must stop within a
/// moment, with a message that says why.
/// </summary>
public sealed class LiquidOptions
{
    /// <summary>Statements one render may execute (every loop iteration counts). Default 10,000.</summary>
    public int MaxSteps { get; set; } = 10_000;

    /// <summary>How deep blocks may nest while rendering. Default 20.</summary>
    public int MaxRecursion { get; set; } = 20;

    /// <summary>The most numbers a range such as <c>(1..n)</c> may hold. Default 10,000.</summary>
    public int MaxRangeLength { get; set; } = 10_000;

    /// <summary>Wall-clock limit of one render, in milliseconds. Default 2,000.</summary>
    public int TimeoutMilliseconds { get; set; } = 2_000;
}

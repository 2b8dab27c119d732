namespace Workflows.Runtime.Expressions;

/// <summary>Limits that apply to every expression type (configuration section <c>Expressions</c>).</summary>
public sealed class ExpressionOptions
{
    public const int DefaultMaxOutputLength = 64 * 1024;

    /// <summary>
    /// The longest result an expression may produce, in characters of its JSON text (a Liquid text, a script's
    /// value). A longer one faults the activity: a runaway expression must not fill the journal, the log or memory.
    /// Default 65,536.
    /// </summary>
    public int MaxOutputLength { get; set; } = DefaultMaxOutputLength;
}

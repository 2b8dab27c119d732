namespace Workflows.Runtime.Expressions.Liquid;

/// <summary>
/// A Liquid template that does not parse (<see cref="Line"/> is where, when known) or whose render was stopped by
/// a limit (<see cref="LimitExceeded"/>; the message, in Chinese, names the limit).
/// </summary>
public sealed class LiquidTemplateException(string message, int? line = null, bool limitExceeded = false, Exception? inner = null)
    : Exception(message, inner)
{
    public int? Line { get; } = line;

    public bool LimitExceeded { get; } = limitExceeded;
}

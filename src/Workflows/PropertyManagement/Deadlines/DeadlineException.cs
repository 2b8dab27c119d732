namespace Workflows.PropertyManagement.Deadlines;

/// <summary>A deadline input cannot be read; <see cref="InputName"/> names it (as in the activity descriptor).</summary>
public sealed class DeadlineException(string inputName, string message, Exception? inner = null)
    : Exception($"{inputName}: {message}", inner)
{
    public string InputName { get; } = inputName;

    /// <summary>The message without the input name, for officers.</summary>
    public string Detail { get; } = message;
}

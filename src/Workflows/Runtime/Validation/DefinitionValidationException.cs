namespace Workflows.Runtime;

/// <summary>One problem in a definition, naming the activity and the property concerned.</summary>
public sealed record ValidationError(string? ActivityId, string Property, string Message)
{
    public override string ToString() =>
        ActivityId is null ? $"{Property}: {Message}" : $"activity '{ActivityId}', {Property}: {Message}";
}

/// <summary>A definition was refused; <see cref="Errors"/> says why, each naming the activity and property.</summary>
public sealed class DefinitionValidationException : Exception
{
    public IReadOnlyList<ValidationError> Errors { get; }

    public DefinitionValidationException(IReadOnlyList<ValidationError> errors)
        : base("The workflow definition is not valid: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public static DefinitionValidationException Single(string? activityId, string property, string message) =>
        new([new ValidationError(activityId, property, message)]);
}

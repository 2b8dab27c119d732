namespace Workflows.PropertyManagement.Tasks;

/// <summary>One field of a task's form: what the officer fills in when completing it.</summary>
/// <param name="Name">The key in the submitted form (camelCase ASCII, e.g. <c>meetingOn</c>).</param>
/// <param name="Label">What the officer sees (Chinese).</param>
/// <param name="Type">One of <see cref="FormFieldTypes"/>.</param>
/// <param name="Options">The choices of a <c>choice</c> field.</param>
/// <param name="Default">The value used when the officer leaves the field empty (e.g. the compound's total floor area).</param>
public sealed record FormField(
    string Name,
    string Label,
    string Type = FormFieldTypes.Text,
    bool Required = false,
    IReadOnlyList<string>? Options = null,
    string? Default = null);

public static class FormFieldTypes
{
    public const string Text = "text";
    public const string MultiLine = "multiline";
    public const string Date = "date";
    public const string Number = "number";
    public const string Choice = "choice";
    public const string Boolean = "boolean";

    public static readonly IReadOnlyList<string> All = [Text, MultiLine, Date, Number, Choice, Boolean];
}

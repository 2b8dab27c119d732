namespace Workflows.PropertyManagement.Calendar;

/// <summary>
/// A holiday calendar document was refused. <see cref="Errors"/> lists every problem found, each starting with
/// the JSON path it concerns (e.g. <c>$.years[0].holidays[2].to</c>).
/// </summary>
public sealed class HolidayCalendarFormatException : FormatException
{
    public HolidayCalendarFormatException(IReadOnlyList<string> errors)
        : base("The holiday calendar is invalid:" + string.Concat(errors.Select(e => "\n- " + e)))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}

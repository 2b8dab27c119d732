namespace Workflows.PropertyManagement.Calendar;

/// <summary>
/// A period reached a year whose holidays and make-up working days are not in the holiday calendar.
/// Deadlines are the product: the calendar refuses to guess rather than assume a year without holidays.
/// </summary>
public sealed class CalendarYearNotCoveredException : InvalidOperationException
{
    public CalendarYearNotCoveredException(DateOnly date)
        : base(
            $"The holiday calendar does not cover {date.Year} (needed for {date:yyyy-MM-dd}). " +
            $"Add the State Council's {date.Year} public holidays and make-up working days to the holiday calendar " +
            "before computing periods that reach that year.")
    {
        Date = date;
    }

    /// <summary>The year that is missing.</summary>
    public int Year => Date.Year;

    /// <summary>The first date the computation needed to classify.</summary>
    public DateOnly Date { get; }
}

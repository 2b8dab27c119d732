namespace Workflows.PropertyManagement.Calendar;

/// <summary>
/// Counts legal periods by the Civil Code (arts. 201-203) on a <see cref="HolidayCalendar"/>. Pure: no clock,
/// no state besides the holiday calendar; the same inputs always give the same <see cref="Due"/>.
/// </summary>
/// <remarks>
/// Every method throws <see cref="CalendarYearNotCoveredException"/> when it needs to know whether a day of an
/// uncovered year is a rest day, and <see cref="ArgumentException"/> for a period that is not positive.
/// Forward methods take the triggering day (the day of signing, election, receipt ...); backward methods take
/// the anchor (the meeting, the expiry ...).
/// </remarks>
public sealed partial class LegalCalendar
{
    private volatile HolidayCalendar _holidays;

    public LegalCalendar(HolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = holidays;
    }

    public HolidayCalendar Holidays => _holidays;

    /// <summary>
    /// Swaps in a calendar with more (or corrected) years, e.g. when an admin enters the next year. The holiday
    /// calendars are immutable, so a computation running meanwhile sees the old or the new one; both agree on the
    /// years the old one covers unless a year was corrected.
    /// </summary>
    public void Use(HolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = holidays;
    }

    /// <summary>
    /// The single entry point for callers that hold a period as data (the Host's <c>/api/calendar/due</c>, the
    /// workflow activities): dispatches to the method the spec names.
    /// </summary>
    /// <param name="from">The trigger (forward) or the anchor (<see cref="PeriodSpec.Before"/>).</param>
    /// <exception cref="ArgumentException">The spec is not a valid period.</exception>
    public Due Compute(DateOnly from, PeriodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (spec.Months is { } months)
        {
            return spec.Before ? MonthsBefore(from, months) : AddMonths(from, months);
        }

        var days = spec.Days!.Value;
        return (spec.Kind, spec.Before) switch
        {
            (PeriodKind.Working, false) => AddWorkingDays(from, days),
            (PeriodKind.Working, true) => WorkingDaysBefore(from, days),
            (_, true) => DaysBefore(from, days),
            _ => AddDays(from, days),
        };
    }

    private (DayType Type, string? Holiday) Look(DateOnly day)
    {
        var type = Holidays.Classify(day);
        return (type, type == DayType.Holiday ? Holidays.HolidayName(day) : null);
    }
}

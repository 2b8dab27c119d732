namespace Workflows.PropertyManagement.Calendar;

public sealed partial class LegalCalendar
{
    /// <summary>
    /// Default closing time of an office for filings made there: 17:30 China time. A local setting; the Host
    /// passes the configured value to <see cref="EndOfPeriod(DateOnly, bool, TimeOnly)"/>.
    /// </summary>
    public static readonly TimeOnly DefaultOfficeClosing = new(17, 30);

    /// <summary>
    /// The instant a period ends, in China Standard Time. Art. 203 para. 2: the last day ends at 24:00 (returned as
    /// 00:00 +08:00 of the next day); where there are business hours, at the time business stops. An act is in time
    /// if it happens strictly before this instant.
    /// </summary>
    /// <param name="due">The last day of the period (<see cref="Due.Date"/>).</param>
    /// <param name="officeFiling">The act is a filing made at an office (its closing time applies).</param>
    /// <param name="officeClosing">The office's closing time, China time.</param>
    public static DateTimeOffset EndOfPeriod(DateOnly due, bool officeFiling, TimeOnly officeClosing)
    {
        if (!officeFiling)
        {
            return ChinaTime.StartOfDay(due.AddDays(1));
        }

        // 00:00 would end the period before its last day began: surely a missing setting, not a closing time.
        if (officeClosing == TimeOnly.MinValue)
        {
            throw new ArgumentException(
                "An office closing time of 00:00 would end the period before its last day starts; set the office's closing time (default 17:30).",
                nameof(officeClosing));
        }

        return ChinaTime.At(due, officeClosing);
    }

    /// <summary>As <see cref="EndOfPeriod(DateOnly, bool, TimeOnly)"/> with <see cref="DefaultOfficeClosing"/>.</summary>
    public static DateTimeOffset EndOfPeriod(DateOnly due, bool officeFiling = false) =>
        EndOfPeriod(due, officeFiling, DefaultOfficeClosing);
}

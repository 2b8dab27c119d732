using System.Globalization;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.PropertyManagement.Deadlines;

/// <summary>Turns <see cref="DeadlineRequest"/>s into <see cref="Deadline"/>s on the legal calendar.</summary>
public sealed class DeadlineResolver(LegalCalendar calendar, OfficeHours officeHours)
{
    public LegalCalendar Calendar => calendar;

    /// <summary>The range of dates that mean something to this service's deadlines (input dates outside are refused).</summary>
    public const string MinDate = "1990-01-01";

    public const string MaxDate = "2100-12-31";

    /// <summary>
    /// The deadline, or null when there is none: no period, or a period counted back from an anchor that is not
    /// known (yet). A forward period without a start date counts from <paramref name="now"/>'s date in China.
    /// </summary>
    /// <exception cref="DeadlineException">An input cannot be read (the message names it, in Chinese).</exception>
    /// <exception cref="DeadlineException">Also when the holiday calendar lacks a year the period needs.</exception>
    public Deadline? Resolve(DeadlineRequest request, DateTimeOffset now)
    {
        try
        {
            return Compute(request, now);
        }
        catch (CalendarYearNotCoveredException ex)
        {
            // The calendar refuses to guess rest days of an unannounced year; say so in the officers' language.
            throw new DeadlineException("Period",
                $"{ex.Year} 年的节假日安排尚未录入，无法计算期限；管理员录入该年（节假日安排，或 Calendar:HolidaysFile）后自动补算。", ex);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            // A start date near the end of the calendar (9999-12-31) overflows DateOnly: .NET's English "Value to add was
            // out of range" must not reach an officer inside a Chinese message.
            throw new DeadlineException("CountedFrom", $"起算日 {request.CountedFrom} 超出可计算的日期范围（{MinDate}–{MaxDate}），无法计算期限。", ex);
        }
    }

    private Deadline? Compute(DeadlineRequest request, DateTimeOffset now)
    {
        if (request.Period <= 0) return null;
        var from = ParseDate(request.CountedFrom, "CountedFrom");
        if (from is null && request.Before) return null;
        var start = from ?? ChinaTime.ToLocalDate(now);

        PeriodSpec spec;
        try
        {
            spec = PeriodUnit.Spec(request.Period, request.Unit, request.Before);
            spec.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new DeadlineException("PeriodUnit", ex.Message, ex);
        }
        var due = calendar.Compute(start, spec);
        var period = spec.ToString();
        var explanation = due.Explanation.ToList();

        if (!string.IsNullOrWhiteSpace(request.AlternativePeriod))
        {
            PeriodSpec other;
            try
            {
                other = PeriodText.Parse(request.AlternativePeriod, request.Before);
                other.Validate();
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new DeadlineException("AlternativePeriod", ex.Message, ex);
            }
            var otherDue = calendar.Compute(start, other);
            if (otherDue.Date < due.Date)
            {
                explanation = [.. otherDue.Explanation, $"另按{spec}计算到期日为 {D(due.Date)}，两者取较早的 {D(otherDue.Date)}"];
                due = otherDue;
                period = $"{other}（另有{spec}，取较早者）";
            }
            else
            {
                explanation.Add(otherDue.Date == due.Date
                    ? $"另按{other}计算，到期日相同"
                    : $"另按{other}计算到期日为 {D(otherDue.Date)}，两者取较早的 {D(due.Date)}");
                period = $"{spec}（另有{other}，取较早者）";
            }
        }

        var dueAt = LegalCalendar.EndOfPeriod(due.Date, request.OfficeFiling, officeHours.Closing);
        explanation.Add(request.OfficeFiling
            ? $"到期日办公时间结束（{officeHours.Closing:HH:mm}）前办理（《民法典》第二百零三条第二款）"
            : "到期日二十四时截止（《民法典》第二百零三条第二款）");
        return new Deadline(period, start, due.Date, dueAt, explanation);
    }

    /// <summary>Reads a date an input gives: "2026-09-17", or an instant (taken as its date in China).</summary>
    /// <exception cref="DeadlineException">The text is neither.</exception>
    public static DateOnly? ParseDate(string? text, string inputName)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim().Trim('"');
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return ChinaTime.ToLocalDate(instant);
        throw new DeadlineException(inputName, $"“{text}”不是日期（应为 YYYY-MM-DD）。");
    }

    /// <summary>"5,1,0" → [5, 1, 0]: reminders so many days before the due date (0 = on the day).</summary>
    public static IReadOnlyList<int> ParseReminderDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var days = new List<int>();
        foreach (var part in text.Split([',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0)
                throw new DeadlineException("Reminders", $"提醒天数“{part}”无效，应为非负整数，以逗号分隔（例如 5,1,0）。");
            days.Add(n);
        }
        return days.Distinct().OrderDescending().ToList();
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

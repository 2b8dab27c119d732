namespace Workflows.PropertyManagement.Calendar;

/// <remarks>
/// Backward periods ("at least N days before X": posting before a meeting, a non-renewal notice before expiry)
/// have no article of their own. The day N days (or months) before the anchor is the latest day that still
/// leaves the full period; if it is a rest day the deadline moves EARLIER, to the last working day before it.
/// Moving it later, as art. 203 does for forward periods, would leave less than the required period.
/// </remarks>
public sealed partial class LegalCalendar
{
    /// <summary>"At least N days before <paramref name="anchor"/>": anchor minus N days, moved earlier off a rest day.</summary>
    public Due DaysBefore(DateOnly anchor, int days)
    {
        PeriodGuard.Days(days, nameof(days));
        var day = anchor.AddDays(-days);
        var (type, holiday) = Look(day);
        List<string> lines =
        [
            PeriodExplanation.CountBackDays(anchor, days, day),
            PeriodExplanation.ThatDay(type, day, holiday),
        ];
        return ActOnWorkingDay(day, type, $" {days} 日", lines);
    }

    /// <summary>
    /// "At least N months before <paramref name="anchor"/>": the corresponding date N months earlier, or that
    /// month's last day if it has none (art. 202 read backward: 2026-05-31 minus 3 months = 2026-02-28), moved
    /// earlier off a rest day.
    /// </summary>
    public Due MonthsBefore(DateOnly anchor, int months)
    {
        PeriodGuard.Months(months, nameof(months));
        var day = anchor.AddMonths(-months);
        var (type, holiday) = Look(day);
        List<string> lines =
        [
            day.Day == anchor.Day
                ? PeriodExplanation.CountBackMonths(anchor, months, day)
                : PeriodExplanation.CountBackMonthsNoCorrespondingDay(anchor, months, day),
            PeriodExplanation.ThatDay(type, day, holiday),
        ];
        return ActOnWorkingDay(day, type, $" {months} 个月", lines);
    }

    /// <summary>
    /// "At least N working days before <paramref name="anchor"/>": the N-th working day counting back from the
    /// day before the anchor; weekends and holidays are skipped, make-up working days count.
    /// </summary>
    public Due WorkingDaysBefore(DateOnly anchor, int days)
    {
        PeriodGuard.Days(days, nameof(days));
        var skipped = new SkippedDays();
        var day = anchor;
        var type = DayType.WorkingDay;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(-1);
            (type, var holiday) = Look(day);
            skipped.Add(day, type, holiday);
            if (!type.IsRest())
            {
                counted++;
            }
        }

        List<string> lines = [PeriodExplanation.CountBackWorkingDays(anchor, days)];
        if (!skipped.IsEmpty)
        {
            lines.Add(PeriodExplanation.Skipped(skipped));
        }

        lines.Add(PeriodExplanation.NthWorkingDay(days, day, type));
        return new Due(day, lines);
    }

    private Due ActOnWorkingDay(DateOnly day, DayType type, string period, List<string> lines)
    {
        if (!type.IsRest())
        {
            return new Due(day, lines);
        }

        var due = day.AddDays(-1);
        while (Holidays.IsRestDay(due))
        {
            due = due.AddDays(-1);
        }

        lines.Add(PeriodExplanation.MovedEarlier(period, due, Holidays.Classify(due)));
        return new Due(due, lines);
    }
}

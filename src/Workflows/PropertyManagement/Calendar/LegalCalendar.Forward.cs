namespace Workflows.PropertyManagement.Calendar;

public sealed partial class LegalCalendar
{
    /// <summary>
    /// A period of calendar days ("N日内"): the last day is the N-th day after the trigger (art. 201: counting
    /// starts the next day), moved to the first working day after if it is a rest day (art. 203).
    /// </summary>
    public Due AddDays(DateOnly trigger, int days)
    {
        PeriodGuard.Days(days, nameof(days));

        // Art. 201: the trigger day is not counted, so day 1 is trigger + 1 and day N is trigger + N.
        var last = trigger.AddDays(days);
        var (type, holiday) = Look(last);
        List<string> lines =
        [
            PeriodExplanation.StartsNextDay(trigger),
            PeriodExplanation.NthDay(days, last, type, holiday),
        ];
        return EndOnWorkingDay(last, type, lines);
    }

    /// <summary>
    /// A period of working days ("N个工作日"): counting starts the day after the trigger (art. 201); weekends and
    /// holidays are skipped, make-up working days count. The N-th working day is always a working day, so
    /// art. 203 never moves it.
    /// </summary>
    public Due AddWorkingDays(DateOnly trigger, int days)
    {
        PeriodGuard.Days(days, nameof(days));
        var skipped = new SkippedDays();
        var day = trigger;
        var type = DayType.WorkingDay;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            (type, var holiday) = Look(day);
            skipped.Add(day, type, holiday);
            if (!type.IsRest())
            {
                counted++;
            }
        }

        List<string> lines = [PeriodExplanation.StartsNextDay(trigger), PeriodExplanation.WorkingDayRule()];
        if (!skipped.IsEmpty)
        {
            lines.Add(PeriodExplanation.Skipped(skipped));
        }

        lines.Add(PeriodExplanation.NthWorkingDay(days, day, type));
        return new Due(day, lines);
    }

    /// <summary>
    /// A period of months ("N个月"): ends on the corresponding date N months after the trigger, or on that
    /// month's last day if it has no such date (art. 202: 2026-01-31 + 1 month = 2026-02-28), moved to the first
    /// working day after if it is a rest day (art. 203).
    /// </summary>
    public Due AddMonths(DateOnly trigger, int months)
    {
        PeriodGuard.Months(months, nameof(months));

        // DateOnly.AddMonths keeps the day of month and clamps it to the month's last day: art. 202 exactly.
        var last = trigger.AddMonths(months);
        var (type, holiday) = Look(last);
        List<string> lines =
        [
            PeriodExplanation.StartsNextDay(trigger),
            last.Day == trigger.Day
                ? PeriodExplanation.CorrespondingDay(last)
                : PeriodExplanation.NoCorrespondingDay(trigger, last),
            PeriodExplanation.ThatDay(type, last, holiday),
        ];
        return EndOnWorkingDay(last, type, lines);
    }

    /// <summary>Art. 203: a last day that is a rest day gives way to the first working day after it.</summary>
    private Due EndOnWorkingDay(DateOnly last, DayType lastType, List<string> lines)
    {
        if (!lastType.IsRest())
        {
            return new Due(last, lines);
        }

        var due = last.AddDays(1);
        while (Holidays.IsRestDay(due))
        {
            due = due.AddDays(1);
        }

        lines.Add(PeriodExplanation.MovedLater(lastType, due, Holidays.Classify(due)));
        return new Due(due, lines);
    }
}

using Workflows.PropertyManagement.Calendar;
using static Workflows.PropertyManagement.Tests.Calendar.CalendarAssert;

namespace Workflows.PropertyManagement.Tests.Calendar;

// "At least N before X": a rest day moves the deadline EARLIER, or fewer than N days would remain.
public sealed class BackwardPeriodTests
{
    [Fact]
    public void Fifteen_days_before_a_meeting_on_2026_10_20_fall_on_national_day_and_move_back_to_2026_09_30()
    {
        // 10-20 minus 15 = 10-05, inside 国庆节 10-01..10-07; the last working day before it is 09-30 (Wednesday).
        var due = Legal.DaysBefore(Date("2026-10-20"), 15);

        Expect("2026-09-30", "国庆节", due);
        Assert.Contains("不足 15 日", Text(due), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-23", 15, "2026-03-06", "周日休息日")]   // 03-08 Sun -> Friday
    [InlineData("2025-02-15", 15, "2025-01-27", "春节")]        // 01-31 in 01-28..02-04 -> 01-27 Mon
    [InlineData("2026-12-31", 90, "2026-09-30", "国庆节")]      // non-renewal notice: 10-02 -> 09-30
    [InlineData("2026-01-16", 15, "2025-12-31", "元旦")]        // 2026-01-01 -> back across the year boundary
    public void A_backward_period_landing_on_a_rest_day_moves_earlier(
        string anchor, int days, string expected, string reason)
    {
        var due = Legal.DaysBefore(Date(anchor), days);

        Expect(expected, reason, due);
        Assert.True(due.Date < Date(anchor).AddDays(-days));
        Assert.True(Legal.Holidays.IsWorkingDay(due.Date));
    }

    [Theory]
    [InlineData("2026-10-25", 15, "2026-10-10")] // make-up Saturday: a working day, kept
    [InlineData("2026-06-30", 15, "2026-06-15")] // Monday
    public void A_backward_period_landing_on_a_working_day_is_kept(string anchor, int days, string expected)
    {
        var due = Legal.DaysBefore(Date(anchor), days);

        Expect(expected, null, due);
        Assert.Equal(2, due.Explanation.Count);
    }

    [Theory]
    [InlineData("2026-12-31", 3, "2026-09-30", "没有 31 日")] // September has no 31st; Wednesday
    [InlineData("2026-05-31", 3, "2026-02-28", "调休上班日")] // February's last day, a make-up Saturday
    [InlineData("2027-01-01", 3, "2026-09-30", "国庆节")]     // 10-01 is a holiday; the anchor's year need not be covered
    [InlineData("2026-06-21", 3, "2026-03-20", "周六休息日")] // 03-21 Sat -> Friday
    public void Months_before_an_anchor_take_the_corresponding_date_and_move_earlier_off_rest_days(
        string anchor, int months, string expected, string mentions)
    {
        Expect(expected, mentions, Legal.MonthsBefore(Date(anchor), months));
    }

    [Theory]
    [InlineData("2026-10-09", 3, "2026-09-29")] // 10-08 (1), 国庆节 off, 09-30 (2), 09-29 (3)
    [InlineData("2026-10-12", 1, "2026-10-10")] // 10-11 Sunday off, 10-10 make-up Saturday (1)
    public void Working_days_before_an_anchor_count_back_over_rest_days(string anchor, int days, string expected)
    {
        Expect(expected, null, Legal.WorkingDaysBefore(Date(anchor), days));
    }

    [Fact]
    public void A_backward_period_reaching_2024_is_refused()
    {
        var ex = Assert.Throws<CalendarYearNotCoveredException>(() => Legal.DaysBefore(Date("2025-01-10"), 15));

        Assert.Equal(2024, ex.Year);
    }
}

using Workflows.PropertyManagement.Calendar;
using static Workflows.PropertyManagement.Tests.Calendar.CalendarAssert;

namespace Workflows.PropertyManagement.Tests.Calendar;

// Expected dates worked by hand from the holiday table in procedures.md and a weekday calendar.
public sealed class AddDaysTests
{
    [Fact]
    public void Fifteen_days_from_Friday_2026_09_25_end_on_the_make_up_Saturday_2026_10_10()
    {
        // Day 1 is 09-26 (art. 201), day 15 is 10-10: a Saturday, but a make-up working day.
        var due = Legal.AddDays(Date("2026-09-25"), 15);

        Expect("2026-10-10", "调休上班日", due);
        Assert.Equal(DayOfWeek.Saturday, due.Date.DayOfWeek);
        Assert.Equal("自 2026-09-25 的次日起算（《民法典》第二百零一条）", due.Explanation[0]);
        Assert.Equal(2, due.Explanation.Count);
    }

    [Fact]
    public void Fifteen_days_from_2026_09_17_end_on_2026_10_08_after_national_day()
    {
        // Day 15 is 10-02, inside the National Day block 10-01..10-07; 10-08 (Thursday) is the first working day.
        var due = Legal.AddDays(Date("2026-09-17"), 15);

        Expect("2026-10-08", "国庆节", due);
        Assert.Equal(
            [
                "自 2026-09-17 的次日起算（《民法典》第二百零一条）",
                "第 15 日为 2026-10-02，系国庆节法定休假日",
                "期间最后一日为法定休假日的，以法定休假日结束的次日为期间的最后一日（《民法典》第二百零三条）：顺延至 2026-10-08（周四，工作日）",
            ],
            due.Explanation);
    }

    [Theory]
    // 2025 holiday blocks: the last day falls inside, the period ends the day after the block.
    [InlineData("2024-12-17", 15, "2025-01-02", "元旦")]        // 01-01 Wed (only the end's year must be covered)
    [InlineData("2025-01-20", 10, "2025-02-05", "春节")]        // 01-30 Thu, block 01-28..02-04
    [InlineData("2025-03-31", 5, "2025-04-07", "清明节")]       // 04-05 Sat, block 04-04..04-06
    [InlineData("2025-04-16", 15, "2025-05-06", "劳动节")]      // 05-01 Thu, block 05-01..05-05
    [InlineData("2025-05-17", 15, "2025-06-03", "端午节")]      // 06-01 Sun, block 05-31..06-02
    [InlineData("2025-09-20", 15, "2025-10-09", "国庆节")]      // 10-05 Sun, block 10-01..10-08
    // 2026 holiday blocks.
    [InlineData("2026-02-05", 15, "2026-02-24", "春节")]        // 02-20 Fri, block 02-15..02-23
    [InlineData("2026-03-20", 15, "2026-04-07", "清明节")]      // 04-04 Sat, block 04-04..04-06
    [InlineData("2026-04-16", 15, "2026-05-06", "劳动节")]      // 05-01 Fri, block 05-01..05-05
    [InlineData("2026-06-04", 15, "2026-06-22", "端午节")]      // 06-19 Fri, block 06-19..06-21
    [InlineData("2026-09-11", 15, "2026-09-28", "中秋节")]      // 09-26 Sat, block 09-25..09-27
    // Year boundary 2025 -> 2026: 01-03 (Sat) is 元旦, and 01-04 is a make-up Sunday.
    [InlineData("2025-12-19", 15, "2026-01-04", "元旦")]
    [InlineData("2025-12-17", 15, "2026-01-04", "元旦")]        // lands on 01-01 Thu
    public void A_period_ending_in_a_holiday_ends_on_the_first_working_day_after(
        string trigger, int days, string expected, string holiday)
    {
        Expect(expected, holiday, Legal.AddDays(Date(trigger), days));
    }

    [Theory]
    [InlineData("2025-01-11", 15, "2025-01-26")] // Sunday
    [InlineData("2025-01-29", 10, "2025-02-08")] // Saturday; counted from inside the Spring Festival block
    [InlineData("2025-04-12", 15, "2025-04-27")] // Sunday
    [InlineData("2025-09-13", 15, "2025-09-28")] // Sunday
    [InlineData("2025-10-01", 10, "2025-10-11")] // Saturday
    [InlineData("2026-01-30", 15, "2026-02-14")] // Saturday
    [InlineData("2026-02-13", 15, "2026-02-28")] // Saturday
    [InlineData("2026-04-24", 15, "2026-05-09")] // Saturday
    [InlineData("2026-09-05", 15, "2026-09-20")] // Sunday
    public void A_period_ending_on_a_make_up_weekend_day_ends_that_day(string trigger, int days, string expected)
    {
        var due = Legal.AddDays(Date(trigger), days);

        Expect(expected, "调休上班日", due);
        Assert.True(HolidayCalendar.IsWeekend(due.Date));
    }

    [Theory]
    [InlineData("2026-03-06", 15, "2026-03-23")] // ends Saturday 03-21 -> Monday
    [InlineData("2025-03-01", 15, "2025-03-17")] // ends Sunday 03-16 -> Monday
    [InlineData("2026-12-11", 15, "2026-12-28")] // ends Saturday 12-26 -> Monday
    public void A_period_ending_on_a_plain_weekend_moves_to_Monday(string trigger, int days, string expected)
    {
        var due = Legal.AddDays(Date(trigger), days);

        Expect(expected, "周末休息日", due);
        Assert.Equal(DayOfWeek.Monday, due.Date.DayOfWeek);
    }

    [Fact]
    public void A_period_ending_on_the_Saturday_before_a_make_up_Sunday_ends_on_that_Sunday()
    {
        // 2025-09-27 is a plain Saturday; 2025-09-28 is a make-up working Sunday before National Day.
        Expect("2025-09-28", "调休上班日", Legal.AddDays(Date("2025-09-12"), 15));
    }

    [Fact]
    public void Thirty_days_ending_on_a_weekday_are_not_moved()
    {
        var due = Legal.AddDays(Date("2026-03-02"), 30);

        Expect("2026-04-01", "为工作日（周三）", due);
        Assert.Equal(2, due.Explanation.Count);
    }

    [Fact]
    public void A_period_ending_on_the_last_working_day_of_the_last_covered_year_is_computed()
    {
        Expect("2026-12-31", null, Legal.AddDays(Date("2026-12-16"), 15));
    }

    [Fact]
    public void A_period_reaching_2027_is_refused_because_its_holidays_are_unknown()
    {
        var ex = Assert.Throws<CalendarYearNotCoveredException>(() => Legal.AddDays(Date("2026-12-20"), 15));

        Assert.Equal(2027, ex.Year);
        Assert.Equal(Date("2027-01-04"), ex.Date);
        Assert.Contains("2027", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-15)]
    [InlineData(PeriodSpec.MaxDays + 1)]
    public void A_period_of_days_that_is_not_positive_or_absurdly_long_is_refused(int days)
    {
        var ex = Assert.Throws<ArgumentException>(() => Legal.AddDays(Date("2026-03-02"), days));

        Assert.Equal("days", ex.ParamName);
    }
}

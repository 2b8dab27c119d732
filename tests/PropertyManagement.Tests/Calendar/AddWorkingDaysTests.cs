using Workflows.PropertyManagement.Calendar;
using static Workflows.PropertyManagement.Tests.Calendar.CalendarAssert;

namespace Workflows.PropertyManagement.Tests.Calendar;

public sealed class AddWorkingDaysTests
{
    [Fact]
    public void Five_working_days_from_2026_09_28_skip_national_day_and_count_the_make_up_Saturday()
    {
        // 09-29 (1), 09-30 (2), 10-01..10-07 off, 10-08 (3), 10-09 (4), 10-10 make-up Saturday (5).
        var due = Legal.AddWorkingDays(Date("2026-09-28"), 5);

        Expect("2026-10-10", "国庆节 7 日", due);
        Assert.Contains("计入调休上班日 2026-10-10", Text(due), StringComparison.Ordinal);
        Assert.Equal("第 5 个工作日为 2026-10-10（周六，调休上班日）", due.Explanation[^1]);
    }

    [Fact]
    public void Five_working_days_from_2026_02_12_skip_the_spring_festival()
    {
        // 02-13 (1), 02-14 make-up Saturday (2), 02-15..02-23 off, 02-24 (3), 02-25 (4), 02-26 (5).
        Expect("2026-02-26", "春节 9 日", Legal.AddWorkingDays(Date("2026-02-12"), 5));
    }

    [Fact]
    public void Five_working_days_from_2025_01_24_skip_the_spring_festival_and_count_the_make_up_Sunday()
    {
        // 01-25 Sat off, 01-26 make-up Sunday (1), 01-27 (2), 01-28..02-04 off, 02-05 (3), 02-06 (4), 02-07 (5).
        Expect("2025-02-07", "春节 8 日", Legal.AddWorkingDays(Date("2025-01-24"), 5));
    }

    [Fact]
    public void Five_working_days_from_2025_09_26_skip_the_eight_days_of_national_day()
    {
        // 09-27 Sat off, 09-28 make-up Sunday (1), 09-29 (2), 09-30 (3), 10-01..10-08 off, 10-09 (4), 10-10 (5).
        Expect("2025-10-10", "国庆节 8 日", Legal.AddWorkingDays(Date("2025-09-26"), 5));
    }

    [Theory]
    [InlineData("2026-09-17", 5, "2026-09-23")] // 09-20 is a make-up Sunday and counts
    [InlineData("2026-04-30", 5, "2026-05-11")] // 劳动节 05-01..05-05 off, 05-09 make-up Saturday counts
    [InlineData("2026-03-06", 1, "2026-03-09")] // Friday + 1 working day = Monday
    [InlineData("2025-12-30", 3, "2026-01-05")] // 12-31 (1), 元旦 off, 01-04 make-up Sunday (2), 01-05 (3)
    public void Working_days_skip_rest_days_and_count_make_up_days(string trigger, int days, string expected)
    {
        var due = Legal.AddWorkingDays(Date(trigger), days);

        Expect(expected, null, due);
        Assert.True(Legal.Holidays.IsWorkingDay(due.Date));
    }

    [Fact]
    public void Working_days_reaching_2027_are_refused()
    {
        // 12-30 (1), 12-31 (2), then 2027-01-01 cannot be classified.
        var ex = Assert.Throws<CalendarYearNotCoveredException>(() => Legal.AddWorkingDays(Date("2026-12-29"), 5));

        Assert.Equal(2027, ex.Year);
    }
}

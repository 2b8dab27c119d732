using Workflows.PropertyManagement.Calendar;
using static Workflows.PropertyManagement.Tests.Calendar.CalendarAssert;

namespace Workflows.PropertyManagement.Tests.Calendar;

public sealed class HolidayCalendarTests
{
    private static readonly HolidayCalendar Shipped = HolidayCalendar.Shipped;

    [Fact]
    public void The_shipped_calendar_covers_2025_and_2026_only()
    {
        Assert.True(Shipped.Covers(2025));
        Assert.True(Shipped.Covers(2026));
        Assert.False(Shipped.Covers(2024));
        Assert.False(Shipped.Covers(2027));
        Assert.Equal([2025, 2026], Shipped.Years.Select(y => y.Year));
    }

    [Theory]
    [InlineData("2025-01-01", "元旦")]
    [InlineData("2025-01-28", "春节")]
    [InlineData("2025-02-04", "春节")]
    [InlineData("2025-04-06", "清明节")]
    [InlineData("2025-05-05", "劳动节")]
    [InlineData("2025-05-31", "端午节")]
    [InlineData("2025-10-08", "国庆节")]
    [InlineData("2026-01-03", "元旦")]
    [InlineData("2026-02-15", "春节")]
    [InlineData("2026-02-23", "春节")]
    [InlineData("2026-04-04", "清明节")]
    [InlineData("2026-05-01", "劳动节")]
    [InlineData("2026-06-21", "端午节")]
    [InlineData("2026-09-25", "中秋节")]
    [InlineData("2026-09-27", "中秋节")]
    [InlineData("2026-10-01", "国庆节")]
    [InlineData("2026-10-07", "国庆节")]
    public void Every_holiday_block_is_a_named_rest_day(string date, string name)
    {
        Assert.Equal(name, Shipped.HolidayName(Date(date)));
        Assert.True(Shipped.IsRestDay(Date(date)));
        Assert.Equal(DayType.Holiday, Shipped.Classify(Date(date)));
    }

    [Theory]
    [InlineData("2025-01-26")]
    [InlineData("2025-02-08")]
    [InlineData("2025-04-27")]
    [InlineData("2025-09-28")]
    [InlineData("2025-10-11")]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-05-09")]
    [InlineData("2026-09-20")]
    [InlineData("2026-10-10")]
    public void A_make_up_weekend_day_is_a_working_day(string date)
    {
        Assert.True(HolidayCalendar.IsWeekend(Date(date)));
        Assert.True(Shipped.IsWorkingDay(Date(date)));
        Assert.Equal(DayType.MakeUpWorkingDay, Shipped.Classify(Date(date)));
        Assert.Null(Shipped.HolidayName(Date(date)));
    }

    [Fact]
    public void The_shipped_years_have_the_days_off_of_the_table()
    {
        // 2025: 1 + 8 + 3 + 5 + 3 + 8; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
        Assert.Equal(28, CountDaysOff(2025));
        Assert.Equal(33, CountDaysOff(2026));
    }

    [Fact]
    public void Plain_weekends_are_rest_days_and_plain_weekdays_working_days()
    {
        Assert.Equal(DayType.Weekend, Shipped.Classify(Date("2026-03-21")));  // Saturday
        Assert.Equal(DayType.Weekend, Shipped.Classify(Date("2025-10-12")));  // Sunday after the make-up Saturday
        Assert.Equal(DayType.WorkingDay, Shipped.Classify(Date("2026-09-24"))); // Thursday before 中秋节
        Assert.Null(Shipped.HolidayName(Date("2026-03-21")));
    }

    [Fact]
    public void Any_question_about_an_uncovered_year_is_refused_even_for_a_Saturday()
    {
        // A Saturday of 2027 may be a make-up working day: the calendar cannot answer without the notice.
        var saturday = Date("2027-01-09");

        Assert.True(HolidayCalendar.IsWeekend(saturday));
        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => Shipped.IsRestDay(saturday)).Year);
        Assert.Throws<CalendarYearNotCoveredException>(() => Shipped.IsWorkingDay(Date("2027-05-05")));
        Assert.Throws<CalendarYearNotCoveredException>(() => Shipped.HolidayName(Date("2024-10-01")));
    }

    private static int CountDaysOff(int year) =>
        Shipped.Years.Single(y => y.Year == year).Holidays.Sum(b => b.To.DayNumber - b.From.DayNumber + 1);
}

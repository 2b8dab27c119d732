using Workflows.PropertyManagement.Calendar;
using static Workflows.PropertyManagement.Tests.Calendar.CalendarAssert;

namespace Workflows.PropertyManagement.Tests.Calendar;

public sealed class AddMonthsTests
{
    [Fact]
    public void One_month_from_2026_01_31_ends_on_2026_02_28_which_is_a_make_up_Saturday()
    {
        // Art. 202: February has no 31st, so its last day; 2026-02-28 is a make-up working day, not moved.
        var due = Legal.AddMonths(Date("2026-01-31"), 1);

        Expect("2026-02-28", "没有 31 日", due);
        Assert.Contains("调休上班日", Text(due), StringComparison.Ordinal);
        Assert.Contains("第二百零二条", Text(due), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01-31", 1, "2025-02-28")] // Friday, no 31st in February
    [InlineData("2025-08-31", 1, "2025-09-30")] // Tuesday, no 31st in September
    [InlineData("2025-03-31", 1, "2025-04-30")] // Wednesday, no 31st in April
    public void A_month_without_the_corresponding_date_ends_on_its_last_day(string trigger, int months, string expected)
    {
        Expect(expected, "月末日", Legal.AddMonths(Date(trigger), months));
    }

    [Theory]
    [InlineData("2026-07-01", 3, "2026-10-08", "国庆节")] // 10-01 Thu
    [InlineData("2025-12-01", 1, "2026-01-04", "元旦")]   // 01-01 Thu; 01-04 is a make-up Sunday
    [InlineData("2025-11-20", 3, "2026-02-24", "春节")]   // 02-20 Fri
    [InlineData("2025-06-19", 12, "2026-06-22", "端午节")] // 06-19 Fri
    [InlineData("2026-02-07", 1, "2026-03-09", "周末")]   // 03-07 Sat
    public void Months_landing_on_a_rest_day_end_on_the_first_working_day_after(
        string trigger, int months, string expected, string reason)
    {
        var due = Legal.AddMonths(Date(trigger), months);

        Expect(expected, reason, due);
        Assert.Contains("第二百零三条", Text(due), StringComparison.Ordinal);
    }

    [Fact]
    public void Twelve_months_reaching_2027_are_refused()
    {
        var ex = Assert.Throws<CalendarYearNotCoveredException>(() => Legal.AddMonths(Date("2026-06-15"), 12));

        Assert.Equal(2027, ex.Year);
    }

    [Fact]
    public void Zero_months_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Legal.AddMonths(Date("2026-06-15"), 0));
    }
}

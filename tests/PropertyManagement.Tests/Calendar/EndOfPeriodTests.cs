using Workflows.PropertyManagement.Calendar;
using static Workflows.PropertyManagement.Tests.Calendar.CalendarAssert;

namespace Workflows.PropertyManagement.Tests.Calendar;

public sealed class EndOfPeriodTests
{
    [Fact]
    public void A_period_ends_at_24_00_China_time_of_its_last_day()
    {
        var end = LegalCalendar.EndOfPeriod(Date("2026-10-08"), officeFiling: false);

        Assert.Equal(new DateTimeOffset(2026, 10, 9, 0, 0, 0, TimeSpan.FromHours(8)), end);
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 16, 0, 0, TimeSpan.Zero), end.ToUniversalTime());
    }

    [Fact]
    public void A_filing_at_an_office_ends_at_the_default_closing_time_17_30()
    {
        var end = LegalCalendar.EndOfPeriod(Date("2026-10-08"), officeFiling: true);

        Assert.Equal(new TimeOnly(17, 30), LegalCalendar.DefaultOfficeClosing);
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 9, 30, 0, TimeSpan.Zero), end.ToUniversalTime());
        Assert.Equal(ChinaTime.Offset, end.Offset);
    }

    [Fact]
    public void A_filing_at_an_office_ends_at_the_configured_closing_time()
    {
        var end = LegalCalendar.EndOfPeriod(Date("2026-10-08"), officeFiling: true, new TimeOnly(18, 0));

        Assert.Equal(new DateTimeOffset(2026, 10, 8, 18, 0, 0, TimeSpan.FromHours(8)), end);
    }

    [Fact]
    public void The_office_closing_time_is_ignored_for_filings_not_made_at_an_office()
    {
        var end = LegalCalendar.EndOfPeriod(Date("2026-12-31"), officeFiling: false, new TimeOnly(18, 0));

        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), end);
    }

    [Fact]
    public void An_office_closing_time_of_midnight_is_refused()
    {
        Assert.Throws<ArgumentException>(
            () => LegalCalendar.EndOfPeriod(Date("2026-10-08"), officeFiling: true, TimeOnly.MinValue));
    }

    [Theory]
    [InlineData("2026-09-30T15:59:59Z", "2026-09-30")]
    [InlineData("2026-09-30T16:00:00Z", "2026-10-01")] // midnight in Beijing
    [InlineData("2026-10-01T07:00:00-05:00", "2026-10-01")]
    [InlineData("2025-12-31T16:30:00Z", "2026-01-01")]
    public void An_instant_maps_to_its_China_local_date(string instant, string expected)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Date(expected), ChinaTime.ToLocalDate(at));
    }

    [Fact]
    public void China_time_is_a_fixed_offset_of_eight_hours()
    {
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Offset);
        var summer = ChinaTime.ToChinaTime(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var winter = ChinaTime.ToChinaTime(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(summer.Offset, winter.Offset);
    }
}

using Workflows.PropertyManagement.Calendar;

namespace Workflows.PropertyManagement.Tests.Calendar;

internal static class CalendarAssert
{
    public static readonly LegalCalendar Legal = new(HolidayCalendar.Shipped);

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(Due due) => string.Join("\n", due.Explanation);

    /// <summary>The expected date, and the explanation names the holiday (or weekend/make-up day) that decided it.</summary>
    public static void Expect(string expected, string? mentions, Due due)
    {
        Assert.Equal(Date(expected), due.Date);
        Assert.NotEmpty(due.Explanation);
        if (mentions is not null)
        {
            Assert.Contains(mentions, Text(due), StringComparison.Ordinal);
        }
    }
}

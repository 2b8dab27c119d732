namespace Workflows.PropertyManagement.Calendar;

/// <summary>Argument checks shared by <see cref="PeriodSpec"/> and the <see cref="LegalCalendar"/> methods.</summary>
internal static class PeriodGuard
{
    public static void Days(int days, string parameter)
    {
        // Zero is refused too: "within 0 days" is no statutory period, and most likely a missing value.
        if (days is < 1 or > PeriodSpec.MaxDays)
        {
            throw new ArgumentException(
                $"A period in days must be between 1 and {PeriodSpec.MaxDays} days; got {days}. " +
                "For a period before a date, pass a positive number and count backward.",
                parameter);
        }
    }

    public static void Months(int months, string parameter)
    {
        if (months is < 1 or > PeriodSpec.MaxMonths)
        {
            throw new ArgumentException(
                $"A period in months must be between 1 and {PeriodSpec.MaxMonths} months; got {months}. " +
                "For a period before a date, pass a positive number and count backward.",
                parameter);
        }
    }
}

namespace Workflows.PropertyManagement.Calendar;

/// <summary>One year of the State Council's holiday arrangement.</summary>
/// <param name="Year">The calendar year; every date below lies in it.</param>
/// <param name="Holidays">The days off, as blocks.</param>
/// <param name="MakeUpWorkingDays">Weekend days made working days (JSON: <c>workdays</c>).</param>
/// <param name="Source">Optional: the notice the data comes from.</param>
public sealed record HolidayYear(
    int Year,
    IReadOnlyList<HolidayBlock> Holidays,
    IReadOnlyList<DateOnly> MakeUpWorkingDays,
    string? Source = null);

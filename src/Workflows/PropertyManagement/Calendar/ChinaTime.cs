namespace Workflows.PropertyManagement.Calendar;

/// <summary>
/// China Standard Time, the clock of every legal period. A fixed UTC+08:00 offset: China has observed no
/// daylight saving time since 1991, so no time-zone database is needed (or wanted: hosts differ in theirs).
/// </summary>
public static class ChinaTime
{
    /// <summary>UTC+08:00.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The same instant, expressed at +08:00.</summary>
    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The date in China at that instant (e.g. 2026-09-30T17:00Z is 2026-10-01 in China).</summary>
    public static DateOnly ToLocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToChinaTime(instant).DateTime);

    /// <summary>The instant a China local date and time denote.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>00:00 of the date in China.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => At(date, TimeOnly.MinValue);
}

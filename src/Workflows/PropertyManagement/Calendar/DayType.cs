namespace Workflows.PropertyManagement.Calendar;

/// <summary>What a date is in the holiday calendar.</summary>
public enum DayType
{
    /// <summary>Monday to Friday, not a public holiday.</summary>
    WorkingDay,

    /// <summary>Saturday or Sunday, not a make-up working day.</summary>
    Weekend,

    /// <summary>A day off of a public-holiday block announced by the State Council (weekends inside the block included).</summary>
    Holiday,

    /// <summary>A Saturday or Sunday the State Council made a working day (调休上班日).</summary>
    MakeUpWorkingDay,
}

internal static class DayTypeExtensions
{
    public static bool IsRest(this DayType type) => type is DayType.Weekend or DayType.Holiday;
}

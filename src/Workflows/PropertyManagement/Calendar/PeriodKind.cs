namespace Workflows.PropertyManagement.Calendar;

/// <summary>How the days of a period are counted.</summary>
public enum PeriodKind
{
    /// <summary>Calendar days ("N日"): every day counts; only the last day is moved off a rest day (art. 203).</summary>
    Calendar,

    /// <summary>Working days ("N个工作日"): weekends and holidays are skipped, make-up working days count.</summary>
    Working,
}

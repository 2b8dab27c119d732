using Workflows.PropertyManagement.Calendar;

namespace Workflows.PropertyManagement.Deadlines;

/// <summary>The unit of a deadline as definitions store it (the designer's dropdown values).</summary>
public static class PeriodUnit
{
    /// <summary>Calendar days ("N日"), Civil Code art. 201 and 203.</summary>
    public const string Days = "Days";

    /// <summary>Working days ("N个工作日"): weekends and public holidays are not counted.</summary>
    public const string WorkingDays = "WorkingDays";

    /// <summary>Months ("N个月"), Civil Code art. 202.</summary>
    public const string Months = "Months";

    public static readonly IReadOnlyList<string> All = [Days, WorkingDays, Months];

    /// <exception cref="ArgumentException">The unit is not one of <see cref="All"/>.</exception>
    public static PeriodSpec Spec(int amount, string? unit, bool before)
    {
        var spec = (unit ?? Days).Trim() switch
        {
            Days or "" or "日" or "天" => PeriodSpec.OfDays(amount),
            WorkingDays or "工作日" => PeriodSpec.OfWorkingDays(amount),
            Months or "月" or "个月" => PeriodSpec.OfMonths(amount),
            var other => throw new ArgumentException($"期限单位“{other}”无效，应为 Days（日）、WorkingDays（工作日）或 Months（个月）。", nameof(unit)),
        };
        return before ? spec.Backward() : spec;
    }
}

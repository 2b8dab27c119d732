using System.Globalization;

namespace Workflows.PropertyManagement.Calendar;

/// <summary>The Simplified Chinese lines of <see cref="Due.Explanation"/>; short, one step each, citing the article.</summary>
internal static class PeriodExplanation
{
    private const string Art201 = "《民法典》第二百零一条";
    private const string Art202 = "《民法典》第二百零二条";
    private const string Art203 = "《民法典》第二百零三条";

    public static string StartsNextDay(DateOnly trigger) => $"自 {D(trigger)} 的次日起算（{Art201}）";

    public static string NthDay(int n, DateOnly day, DayType type, string? holiday) =>
        $"第 {n} 日为 {D(day)}，{Describe(day, type, holiday)}";

    public static string ThatDay(DayType type, DateOnly day, string? holiday) => $"该日{Describe(day, type, holiday)}";

    public static string CorrespondingDay(DateOnly last) =>
        $"按月计算，到期月的对应日 {D(last)} 为期间最后一日（{Art202}）";

    public static string NoCorrespondingDay(DateOnly trigger, DateOnly monthEnd) =>
        $"按月计算，到期月 {Month(monthEnd)}没有 {trigger.Day} 日，以月末日 {D(monthEnd)} 为期间最后一日（{Art202}）";

    public static string MovedLater(DayType lastType, DateOnly due, DayType dueType) => lastType == DayType.Holiday
        ? $"期间最后一日为法定休假日的，以法定休假日结束的次日为期间的最后一日（{Art203}）：顺延至 {D(due)}（{Target(due, dueType)}）"
        : $"期间最后一日为周末休息日的，顺延至其后第一个工作日（{Art203}）：顺延至 {D(due)}（{Target(due, dueType)}）";

    public static string WorkingDayRule() => "按工作日计算：不计周末和法定节假日，调休上班日计入";

    public static string Skipped(SkippedDays skipped)
    {
        var parts = new List<string>();
        if (skipped.RestDayCount > 0)
        {
            var rest = string.Join("、", skipped.RestDays.Select(r => $"{r.Label} {r.Count} 日"));
            parts.Add($"期间内不计入休息日 {skipped.RestDayCount} 日（{rest}）");
        }

        if (skipped.MakeUpWorkingDays.Count > 0)
        {
            parts.Add($"计入调休上班日 {string.Join("、", skipped.MakeUpWorkingDays.Order().Select(D))}");
        }

        return string.Join("，", parts);
    }

    public static string NthWorkingDay(int n, DateOnly day, DayType type) =>
        $"第 {n} 个工作日为 {D(day)}（{Target(day, type)}）";

    public static string CountBackDays(DateOnly anchor, int days, DateOnly day) =>
        $"自 {D(anchor)} 向前倒数 {days} 日为 {D(day)}";

    public static string CountBackMonths(DateOnly anchor, int months, DateOnly day) =>
        $"自 {D(anchor)} 向前倒数 {months} 个月，对应日为 {D(day)}（参照{Art202}）";

    public static string CountBackMonthsNoCorrespondingDay(DateOnly anchor, int months, DateOnly monthEnd) =>
        $"自 {D(anchor)} 向前倒数 {months} 个月，{Month(monthEnd)}没有 {anchor.Day} 日，取月末日 {D(monthEnd)}（参照{Art202}）";

    public static string CountBackWorkingDays(DateOnly anchor, int days) =>
        $"自 {D(anchor)} 的前一日起向前倒数 {days} 个工作日（不计周末和法定节假日，调休上班日计入）";

    // Moving later would leave fewer than the required days before the anchor, so a backward period moves earlier.
    public static string MovedEarlier(string period, DateOnly due, DayType dueType) =>
        $"倒数之日为休息日的，不向后顺延（否则不足{period}），提前至此前最后一个工作日：{D(due)}（{Target(due, dueType)}）";

    public static string D(DateOnly date) => date.ToString(HolidayCalendarJson.DateFormat, CultureInfo.InvariantCulture);

    public static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };

    private static string Describe(DateOnly day, DayType type, string? holiday) => type switch
    {
        DayType.Holiday => $"系{holiday}法定休假日",
        DayType.Weekend => $"系{Weekday(day)}休息日",
        DayType.MakeUpWorkingDay => $"系{Weekday(day)}调休上班日，为工作日",
        _ => $"为工作日（{Weekday(day)}）",
    };

    private static string Target(DateOnly day, DayType type) =>
        type == DayType.MakeUpWorkingDay ? $"{Weekday(day)}，调休上班日" : $"{Weekday(day)}，工作日";

    private static string Month(DateOnly date) => $"{date.Year} 年 {date.Month} 月";
}

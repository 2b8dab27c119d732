using System.Globalization;
using Workflows.Host.District;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.Host.PropertyManagement.Calendar;

public sealed record HolidayRangeInput(string? Name, string? From, string? To);

/// <summary>
/// A year as the State Council's notice lists it: each holiday with its first and last day off, the make-up working
/// days, and the notice's number and date. <see cref="Unofficial"/> marks a provisional year (非官方).
/// </summary>
public sealed record HolidayYearInput(
    string? NoticeNumber, string? NoticeDate, bool? Unofficial, IReadOnlyList<HolidayRangeInput>? Holidays, IReadOnlyList<string>? Workdays)
{
    /// <summary>
    /// The year, or every problem in Chinese keyed by field (<c>holidays[2].to</c>, <c>workdays[0]</c>), each naming the
    /// date at fault. The rules are the calendar's own (<c>HolidayYearValidator</c>), which also checks the result.
    /// </summary>
    internal (HolidayYear? Year, FieldErrors Errors) Validate(int year)
    {
        var errors = new FieldErrors();
        var unofficial = Unofficial ?? false;
        if (year is < 1900 or > 2999) errors.Add("year", $"年份 {year} 无效。");
        var notice = errors.Text("noticeNumber", "国务院通知文号", NoticeNumber, required: !unofficial, maxLength: 100);
        DateOnly? noticeDate = null;
        if (string.IsNullOrWhiteSpace(NoticeDate))
        {
            if (!unofficial) errors.Add("noticeDate", "请填写通知发布日期（YYYY-MM-DD）。");
        }
        else if (Date(NoticeDate) is { } parsed) noticeDate = parsed;
        else errors.Add("noticeDate", $"通知发布日期“{NoticeDate}”不是日期，应为 YYYY-MM-DD。");

        var blocks = new List<HolidayBlock>();
        if (Holidays is not { Count: > 0 }) errors.Add("holidays", "请至少填写一个节假日：录入节假日后该年才能计算期限。");
        for (var i = 0; i < (Holidays?.Count ?? 0); i++)
        {
            var range = Holidays![i];
            var field = $"holidays[{i}]";
            var name = errors.Text(field + ".name", $"第 {i + 1} 个节假日的名称", range.Name, required: true, maxLength: 20);
            var from = InYear(field + ".from", $"{name ?? $"第 {i + 1} 个节假日"}的放假首日", range.From, year, errors);
            var to = InYear(field + ".to", $"{name ?? $"第 {i + 1} 个节假日"}的放假末日", range.To, year, errors);
            if (from is null || to is null || name is null) continue;
            if (from > to)
            {
                errors.Add(field + ".to", $"{name}的放假末日 {D(to.Value)} 早于首日 {D(from.Value)}。");
                continue;
            }
            foreach (var other in blocks.Where(b => b.From <= to && from <= b.To))
                errors.Add(field, $"{name}（{D(from.Value)}至{D(to.Value)}）与{other.Name}（{D(other.From)}至{D(other.To)}）重叠。");
            blocks.Add(new HolidayBlock(from.Value, to.Value, name));
        }

        var workdays = new List<DateOnly>();
        for (var i = 0; i < (Workdays?.Count ?? 0); i++)
        {
            var field = $"workdays[{i}]";
            if (InYear(field, $"第 {i + 1} 个调休上班日", Workdays![i], year, errors) is not { } day) continue;
            if (!HolidayCalendar.IsWeekend(day))
                errors.Add(field, $"调休上班日 {D(day)} 是{Weekday(day)}，调休上班日应为周六或周日。");
            if (blocks.FirstOrDefault(b => b.Contains(day)) is { } holiday)
                errors.Add(field, $"{D(day)} 同时在{holiday.Name}假期内，同一天不能既放假又调休上班。");
            if (workdays.Contains(day)) errors.Add(field, $"调休上班日 {D(day)} 重复。");
            workdays.Add(day);
        }
        if (errors.Any) return (null, errors);

        var source = unofficial ? $"非官方（暂定）{notice}".TrimEnd() : $"{notice}（{D(noticeDate!.Value)}）";
        return (new HolidayYear(year, blocks, workdays, source), errors);
    }

    private static DateOnly? InYear(string field, string label, string? text, int year, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"请填写{label}（YYYY-MM-DD）。");
            return null;
        }
        if (Date(text) is not { } date)
        {
            errors.Add(field, $"{label}“{text}”不是日期，应为 YYYY-MM-DD。");
            return null;
        }
        if (date.Year != year)
        {
            errors.Add(field, $"{label} {D(date)} 不在 {year} 年内；跨年的假期请分别录入各自年份。");
            return null;
        }
        return date;
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        _ => "星期日",
    };
}

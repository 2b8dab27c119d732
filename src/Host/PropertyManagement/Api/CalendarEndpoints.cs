using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.Host.PropertyManagement.Api;

public sealed record DueResponse(string From, string Period, string Due, IReadOnlyList<string> Explanation);

/// <summary><c>GET /api/calendar/due</c>: the legal calendar as a service, with the reasoning in Chinese.</summary>
internal static class CalendarEndpoints
{
    public static RouteGroupBuilder MapLegalCalendar(this RouteGroupBuilder api)
    {
        api.MapGet("/calendar/due", DueAsync).WithSummary("法定期限计算 / A legal due date, explained");
        return api;
    }

    private static async Task<Results<Ok<DueResponse>, ValidationProblem>> DueAsync(
        string? from, string? days, string? months, string? kind, string? before, LegalCalendar calendar,
        HolidayYearStore store, WorkflowsDbContext db, CancellationToken ct)
    {
        // Another host may have entered a year a moment ago: check the calendar's version first (one small query).
        await store.RefreshAsync(db, ct);
        var errors = new Dictionary<string, string[]>();
        DateOnly start = default;
        if (string.IsNullOrWhiteSpace(from))
            errors["from"] = ["请提供起算日 from（YYYY-MM-DD）。"];
        else if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
            errors["from"] = [$"“{from}”不是日期，应为 YYYY-MM-DD。"];
        else if (CaseInputLimits.DateProblem(start, "起算日") is { } outOfRange)
            errors["from"] = [outOfRange];
        int? dayCount = Number(days, "days", errors);
        int? monthCount = Number(months, "months", errors);
        if (dayCount is null && monthCount is null && !errors.ContainsKey("days") && !errors.ContainsKey("months"))
            errors["days"] = ["请提供 days 或 months 之一。"];
        else if (dayCount is not null && monthCount is not null)
            errors["months"] = ["days 与 months 只能提供一个。"];
        var periodKind = PeriodKind.Calendar;
        switch (kind?.Trim().ToLowerInvariant())
        {
            case null or "" or "calendar":
                break;
            case "working":
                periodKind = PeriodKind.Working;
                break;
            default:
                errors["kind"] = [$"kind 应为 calendar 或 working，收到“{kind}”。"];
                break;
        }
        var backward = false;
        if (!string.IsNullOrWhiteSpace(before) && !bool.TryParse(before, out backward))
            errors["before"] = ["before 应为 true 或 false。"];
        if (errors.Count > 0) return ApiResults.Invalid(errors);

        var spec = new PeriodSpec { Days = dayCount, Months = monthCount, Kind = periodKind, Before = backward };
        try
        {
            var due = calendar.Compute(start, spec);
            return TypedResults.Ok(new DueResponse(from!, spec.ToString(), due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), due.Explanation));
        }
        catch (CalendarYearNotCoveredException ex)
        {
            return ApiResults.Invalid("from", $"{ex.Year} 年的节假日安排尚未录入，无法计算（管理员可在节假日安排中录入，或通过 Calendar:HolidaysFile 添加）。");
        }
        catch (ArgumentException ex)
        {
            return ApiResults.Invalid(monthCount is not null ? "months" : "days", ex.Message);
        }
    }

    private static int? Number(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        errors[name] = [$"{name} 应为正整数，收到“{text}”。"];
        return null;
    }
}

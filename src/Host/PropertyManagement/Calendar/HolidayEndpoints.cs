using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Security;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.Host.PropertyManagement.Calendar;

/// <summary>
/// <c>/api/holidays</c>: the years the legal calendar knows (shipped, from the configured file, entered by admins),
/// each with its holidays and make-up working days; admins enter a new year with <c>PUT /api/holidays/{year}</c>.
/// </summary>
internal static class HolidayEndpoints
{
    public static IEndpointRouteBuilder MapHolidayCalendar(this IEndpointRouteBuilder app)
    {
        var holidays = app.MapGroup("/api/holidays").WithTags("节假日安排 / Holiday calendar")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        holidays.MapGet("", ListAsync).RequireAuthorization(Policies.Officer).WithSummary("已知年份的节假日与调休 / The known years");
        holidays.MapGet("/{year:int}", GetAsync).RequireAuthorization(Policies.Officer).WithSummary("某年的节假日与调休 / One year");
        holidays.MapPut("/{year:int}", EnterAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("录入（或更正）某年的节假日安排，立即生效 / Enter or correct a year; counts at once");
        return app;
    }

    private static async Task<Ok<List<HolidayYearView>>> ListAsync(WorkflowsDbContext db, HolidayYearStore store, LegalCalendar calendar, CancellationToken ct)
    {
        await store.RefreshAsync(db, ct);
        var rows = await db.Set<HolidayYearRow>().AsNoTracking().ToDictionaryAsync(r => r.Year, ct);
        return TypedResults.Ok(calendar.Holidays.Years.Select(y => ViewOf(y, rows.GetValueOrDefault(y.Year), store)).ToList());
    }

    private static async Task<Results<Ok<HolidayYearView>, ProblemHttpResult>> GetAsync(int year, WorkflowsDbContext db, HolidayYearStore store,
        LegalCalendar calendar, CancellationToken ct)
    {
        await store.RefreshAsync(db, ct);
        if (calendar.Holidays.Years.FirstOrDefault(y => y.Year == year) is not { } known)
            return ApiResults.NotFound("year", $"{year} 年的节假日安排尚未录入。");
        return TypedResults.Ok(ViewOf(known, await db.Set<HolidayYearRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct), store));
    }

    private static async Task<Results<Ok<HolidayYearEntered>, ValidationProblem, ProblemHttpResult>> EnterAsync(
        int year, HolidayYearInput? input, HolidayYearEntry entry, HttpContext http, CancellationToken ct)
    {
        if (input is null) return ApiResults.Invalid("body", "请求体应为 {\"noticeNumber\",\"noticeDate\",\"holidays\":[{\"name\",\"from\",\"to\"}],\"workdays\":[…]}。");
        return await entry.EnterAsync(year, input, http.User.Identity?.Name ?? "api", null, ct) switch
        {
            HolidayYearEntry.Entered done => TypedResults.Ok(done.Value),
            HolidayYearEntry.Invalid invalid => ApiResults.Invalid(invalid.Errors),
            HolidayYearEntry.Conflict conflict => ApiResults.Conflict(conflict.Message),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    private static HolidayYearView ViewOf(HolidayYear year, HolidayYearRow? row, HolidayYearStore store) =>
        row is not null ? HolidayYearEntry.View(row, year)
        : HolidayYearEntry.View(null, year, HolidayCalendar.Shipped.Years.Contains(year) ? "shipped" : "file");
}

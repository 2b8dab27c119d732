using Workflows.Host.Http;
using Workflows.Host.Notifications;
using Workflows.Host.Scheduling;
using Workflows.Host.Security;

namespace Workflows.Host.Clock;

/// <summary>
/// The rehearsal clock (Development only): read the service's now, or move it forward and fire everything
/// that became due before answering (timers and reminders; due messages are queued for sending). Admins and
/// API keys only (a change with the cookie must come from the service's own pages), and bounded: one call
/// moves at most <see cref="MaxAdvance"/>, and the clock never passes <see cref="Horizon"/>, so no request
/// can push the service's time where dates stop working.
/// </summary>
internal static class DevClockEndpoints
{
    public sealed record AdvanceRequest(int? Days, int? Hours, int? Minutes);

    /// <summary>More than a year: long enough to rehearse a 365-day period in one call.</summary>
    public static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(400);

    /// <summary>The rehearsal clock stops short of this instant (UTC).</summary>
    public static readonly DateTimeOffset Horizon = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void MapDevClock(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev/clock").WithTags("开发 / Development").RequireAuthorization(Policies.Admin);
        group.MapGet("", (IClockControl clock) => Results.Ok(new { now = clock.Now }));
        group.MapPost("/advance", async (AdvanceRequest? body, HttpContext context, IClockControl clock, TimerFiring timers, NotificationSweep notifications, CancellationToken ct) =>
        {
            var chinese = RequestText.IsChineseFor(context);
            var check = Check(body, clock.Now, chinese);
            if (check.Errors is { } errors)
                return Results.ValidationProblem(errors, title: chinese ? "请求参数有误 / One or more fields are invalid." : "One or more fields are invalid.");
            clock.Advance(check.Delta);
            var fired = await timers.FireDueAsync(ct);
            // Timers first: a timer that opens a task may plan a reminder that is already due.
            var sweep = await notifications.RunAsync(ct);
            return Results.Ok(new { now = clock.Now, fired, reminders = sweep.RemindersFired, messages = sweep.MessagesQueued });
        });
    }

    /// <summary>The move asked for, or the errors by field. Counted in long minutes: no int input overflows.</summary>
    internal static (TimeSpan Delta, Dictionary<string, string[]>? Errors) Check(AdvanceRequest? body, DateTimeOffset now, bool chinese)
    {
        if (body is null || (body.Days, body.Hours, body.Minutes) is (null, null, null))
            return (TimeSpan.Zero, new() { ["days"] = [chinese
                ? "请给出要前进的天数、小时数或分钟数，例如 {\"days\": 15} / Give {\"days\": n, \"hours\": n, \"minutes\": n}."
                : "Give {\"days\": n, \"hours\": n, \"minutes\": n}."] });
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in new[] { ("days", body.Days), ("hours", body.Hours), ("minutes", body.Minutes) })
        {
            if (value < 0)
                errors[name] = [chinese ? $"“{name}”不能为负数（时间只能前进） / '{name}' must not be negative." : $"'{name}' must not be negative (time only moves forward)."];
        }
        if (errors.Count > 0) return (TimeSpan.Zero, errors);
        var minutes = (body.Days ?? 0) * 1440L + (body.Hours ?? 0) * 60L + (body.Minutes ?? 0);
        if (minutes == 0)
            return (TimeSpan.Zero, new() { ["days"] = [chinese ? "前进的时间须大于零 / Give a positive number of days, hours or minutes." : "Give a positive number of days, hours or minutes."] });
        if (minutes > (long)MaxAdvance.TotalMinutes)
            return (TimeSpan.Zero, new() { [FirstGiven(body)] = [chinese
                ? $"一次最多前进 {MaxAdvance.TotalDays:0} 天 / At most {MaxAdvance.TotalDays:0} days per call."
                : $"At most {MaxAdvance.TotalDays:0} days per call."] });
        var delta = TimeSpan.FromMinutes(minutes);
        if (now + delta >= Horizon)
            return (TimeSpan.Zero, new() { [FirstGiven(body)] = [chinese
                ? $"演练时钟不能超过 {Horizon:yyyy-MM-dd} / The rehearsal clock stops before {Horizon:yyyy-MM-dd}."
                : $"The rehearsal clock stops before {Horizon:yyyy-MM-dd}."] });
        return (delta, null);
    }

    private static string FirstGiven(AdvanceRequest body) => body.Days is > 0 ? "days" : body.Hours is > 0 ? "hours" : "minutes";
}

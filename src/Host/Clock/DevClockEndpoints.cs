using Workflows.Host.Notifications;
using Workflows.Host.Scheduling;

namespace Workflows.Host.Clock;

/// <summary>
/// The rehearsal clock (Development only): read the service's now, or move it forward and fire everything
/// that became due before answering (timers and reminders; due messages are queued for sending).
/// </summary>
internal static class DevClockEndpoints
{
    public sealed record AdvanceRequest(int? Days, int? Hours, int? Minutes);

    public static void MapDevClock(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev/clock").WithTags("开发 / Development");
        group.MapGet("", (IClockControl clock) => Results.Ok(new { now = clock.Now }));
        group.MapPost("/advance", async (AdvanceRequest? body, IClockControl clock, TimerFiring timers, NotificationSweep notifications, CancellationToken ct) =>
        {
            if (body is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Give {\"days\": n, \"hours\": n, \"minutes\": n}."] });
            var errors = new Dictionary<string, string[]>();
            foreach (var (name, value) in new[] { ("days", body.Days), ("hours", body.Hours), ("minutes", body.Minutes) })
            {
                if (value < 0) errors[name] = [$"'{name}' must not be negative (time only moves forward)."];
            }
            var delta = TimeSpan.FromDays(body.Days ?? 0) + TimeSpan.FromHours(body.Hours ?? 0) + TimeSpan.FromMinutes(body.Minutes ?? 0);
            if (errors.Count == 0 && delta == TimeSpan.Zero)
                errors["days"] = ["Give a positive number of days, hours or minutes."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            clock.Advance(delta);
            var fired = await timers.FireDueAsync(ct);
            // Timers first: a timer that opens a task may plan a reminder that is already due.
            var sweep = await notifications.RunAsync(ct);
            return Results.Ok(new { now = clock.Now, fired, reminders = sweep.RemindersFired, messages = sweep.MessagesQueued });
        });
    }
}

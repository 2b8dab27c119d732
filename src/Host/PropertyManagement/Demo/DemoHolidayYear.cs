using System.Globalization;
using Microsoft.Extensions.Options;
using Workflows.Host.PropertyManagement.Calendar;
using Workflows.Host.Workspace.Audit;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.Host.PropertyManagement.Demo;

/// <summary>
/// Development only: enters the demo's provisional year (<c>Calendar:DemoHolidayYearFile</c>) through the same path an
/// admin uses, marked 非官方, so the demo can count past 2026 and the holiday page shows the year as not official. A
/// year that the configured calendar or an admin already covers is left alone.
/// </summary>
internal sealed class DemoHolidayYear(IServiceScopeFactory scopes, IOptions<CalendarOptions> options, LegalCalendar calendar,
    ILogger<DemoHolidayYear> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoHolidayYearPath is not { } path) return;
        HolidayCalendar provisional;
        await using (var stream = File.OpenRead(path))
            provisional = HolidayCalendar.Load(stream);
        foreach (var year in provisional.Years.Where(y => !calendar.Holidays.Covers(y.Year)))
        {
            await using var scope = scopes.CreateAsyncScope();
            var entry = scope.ServiceProvider.GetRequiredService<HolidayYearEntry>();
            var input = new HolidayYearInput(
                "开发演示用暂定数据", null, Unofficial: true,
                [.. year.Holidays.Select(h => new HolidayRangeInput(h.Name, D(h.From), D(h.To)))],
                [.. year.MakeUpWorkingDays.Select(D)]);
            var result = await entry.EnterAsync(year.Year, input, "demo", AuditActor.System("demo-calendar"), cancellationToken);
            if (result is not HolidayYearEntry.Entered)
                throw new InvalidOperationException($"The demo holiday year {year.Year} in {path} was refused: {result}");
            logger.LogInformation("Entered the demo's provisional holiday year {Year} (非官方)", year.Year);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

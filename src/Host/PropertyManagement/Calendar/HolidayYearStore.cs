using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.Host.PropertyManagement.Calendar;

/// <summary>
/// Keeps this host's <see cref="LegalCalendar"/> equal to the shipped years, the configured file's and the years admins
/// entered (table <c>HolidayYears</c>, which wins). Every entry raises the table's version; <see cref="RefreshAsync"/>
/// compares it with the version loaded here (one small query) and reloads when another host entered a year.
/// </summary>
internal sealed class HolidayYearStore(LegalCalendar calendar, IOptions<CalendarOptions> options, ILogger<HolidayYearStore> logger) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private long _loadedVersion = -1;

    /// <summary>The shipped years with the configured file merged over them: what the table's years are merged over.</summary>
    public HolidayCalendar Base { get; } = options.Value.LoadHolidays();

    public async Task RefreshAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        var version = await db.Set<HolidayYearRow>().MaxAsync(r => (long?)r.Version, ct) ?? 0;
        if (version == Interlocked.Read(ref _loadedVersion)) return;
        await _loading.WaitAsync(ct);
        try
        {
            if (version == Interlocked.Read(ref _loadedVersion)) return;
            var rows = await db.Set<HolidayYearRow>().AsNoTracking().ToListAsync(ct);
            var loaded = Merge(rows);
            calendar.Use(loaded);
            Interlocked.Exchange(ref _loadedVersion, rows.Count == 0 ? 0 : rows.Max(r => r.Version));
            if (rows.Count > 0)
                logger.LogInformation("Holiday calendar loaded: years {Years} (entered by admins: {Entered}, version {Version})",
                    string.Join(",", loaded.Years.Select(y => y.Year)), string.Join(",", rows.Select(r => r.Year).Order()), _loadedVersion);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The base years with the entered ones over them.</summary>
    public HolidayCalendar Merge(IEnumerable<HolidayYearRow> rows) =>
        rows.OrderBy(r => r.Year).Aggregate(Base, (merged, row) => merged.Merge(row.DocumentJson));

    public void Dispose() => _loading.Dispose();

    /// <summary>After a commit on this host: use the calendar at once, without waiting for the next refresh.</summary>
    public void Use(HolidayCalendar holidays, long version)
    {
        calendar.Use(holidays);
        Interlocked.Exchange(ref _loadedVersion, version);
    }
}

/// <summary>Loads the entered years on start and then checks the table's version every few seconds (other hosts' entries).</summary>
internal sealed class HolidayCalendarRefresher(IServiceScopeFactory scopes, HolidayYearStore store, ILogger<HolidayCalendarRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The wall clock: a rehearsal clock moved by days must not make this spin or stall.
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not check the holiday calendar's version; will try again");
            }
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await store.RefreshAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), ct);
    }
}

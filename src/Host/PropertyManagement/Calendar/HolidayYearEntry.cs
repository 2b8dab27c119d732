using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.District;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Tasks;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.PropertyManagement.Calendar;

public sealed record HolidayRangeView(string Name, string From, string To, int Days);

public sealed record HolidayYearView(
    int Year, string Origin, string OriginName, string? Source, string? NoticeNumber, string? NoticeDate, bool Unofficial,
    DateTimeOffset? EnteredAt, string? EnteredBy, IReadOnlyList<HolidayRangeView> Holidays, IReadOnlyList<string> Workdays);

public sealed record HolidayYearEntered(HolidayYearView Year, IReadOnlyList<string> ResolvedTaskIds);

/// <summary>
/// An admin enters (or corrects) a year: validated, stored with the next version and audited in one transaction, in
/// which the open tasks whose due date waited for that year get it, with their overdue timers and reminders. After the
/// commit this host counts with the year at once; the others within <see cref="HolidayCalendarRefresher.Interval"/>.
/// </summary>
internal sealed class HolidayYearEntry(
    WorkflowsDbContext db, HolidayYearStore store, IAuditLog audit, DeadlineMove moves, OfficeHours officeHours, TimeProvider clock)
{
    public abstract record Result;

    public sealed record Entered(HolidayYearEntered Value) : Result;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Result;

    public sealed record Conflict(string Message) : Result;

    public async Task<Result> EnterAsync(int year, HolidayYearInput input, string enteredBy, AuditActor? actor, CancellationToken ct)
    {
        var (holidayYear, errors) = input.Validate(year);
        if (holidayYear is null) return new Invalid(errors.ToDictionary());
        var document = JsonSerializer.Serialize(new
        {
            years = new[]
            {
                new
                {
                    year,
                    source = holidayYear.Source,
                    holidays = holidayYear.Holidays.Select(h => new { from = D(h.From), to = D(h.To), name = h.Name }),
                    workdays = holidayYear.MakeUpWorkingDays.Select(D),
                },
            },
        }, AuditLog.Json);
        try
        {
            // The calendar's own rules once more, on exactly what will be stored.
            HolidayCalendar.Load(document);
        }
        catch (HolidayCalendarFormatException ex)
        {
            return new Invalid(new() { ["holidays"] = [.. ex.Errors] });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Set<HolidayYearRow>().ToListAsync(ct);
        var row = rows.FirstOrDefault(r => r.Year == year);
        var before = row is null ? null : View(row, HolidayCalendar.Load(row.DocumentJson).Years[0]);
        var version = rows.Count == 0 ? 1 : rows.Max(r => r.Version) + 1;
        if (row is null) db.Add(row = new HolidayYearRow { Year = year });
        row.DocumentJson = document;
        row.NoticeNumber = string.IsNullOrWhiteSpace(input.NoticeNumber) ? null : input.NoticeNumber.Trim();
        row.NoticeDate = DateOnly.TryParseExact(input.NoticeDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        row.Unofficial = input.Unofficial ?? false;
        row.EnteredAt = clock.GetUtcNow();
        row.EnteredBy = enteredBy;
        row.Version = version;
        var calendar = store.Merge(rows.Where(r => r.Year != year).Append(row));

        var resolved = await ResolvePendingAsync(new DeadlineResolver(new LegalCalendar(calendar), officeHours), ct);
        var view = View(row, holidayYear);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Conflict("另一管理员同时录入了节假日安排，本次未保存；请刷新后重试。");
        }
        await audit.RecordAsync(new AuditRecord(DistrictAudit.HolidayYearEnter, DistrictAudit.Resources.HolidayYear,
            year.ToString(CultureInfo.InvariantCulture), before, new { view, resolvedTaskIds = resolved }) { Actor = actor }, ct);
        await transaction.CommitAsync(ct);
        store.Use(calendar, version);
        moves.Wake();
        return new Entered(new HolidayYearEntered(view, resolved));
    }

    /// <summary>Open tasks whose period waited for a year: those the new calendar can count get their due date now.</summary>
    private async Task<List<string>> ResolvePendingAsync(DeadlineResolver resolver, CancellationToken ct)
    {
        var waiting = await db.Set<OfficerTask>()
            .Where(t => t.PendingDeadline != null && (t.Status == OfficerTaskStatus.Open || t.Status == OfficerTaskStatus.Claimed))
            .ToListAsync(ct);
        var resolved = new List<string>();
        foreach (var task in waiting)
        {
            Deadline? deadline;
            try
            {
                // Counted as it would have been when the task opened.
                deadline = resolver.Resolve(task.PendingDeadline!.Request, task.CreatedAt);
            }
            catch (DeadlineException)
            {
                continue; // still a year short (or the period cannot be read): it keeps waiting
            }
            if (deadline is null) continue;
            task.ResolveDeadline(deadline);
            await moves.StartAsync(task, deadline.DueAt, ct);
            resolved.Add(task.Id);
        }
        return resolved;
    }

    internal static HolidayYearView View(HolidayYearRow? row, HolidayYear year, string origin = "entered") => new(
        year.Year, origin, origin switch { "shipped" => "随系统提供", "file" => "配置文件", _ => "管理员录入" }, year.Source,
        row?.NoticeNumber, row?.NoticeDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row?.Unofficial ?? false, row?.EnteredAt, row?.EnteredBy,
        [.. year.Holidays.Select(h => new HolidayRangeView(h.Name, D(h.From), D(h.To), h.To.DayNumber - h.From.DayNumber + 1))],
        [.. year.MakeUpWorkingDays.Select(D)]);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

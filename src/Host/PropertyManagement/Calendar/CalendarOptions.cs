using System.Globalization;
using Microsoft.Extensions.Options;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.Host.PropertyManagement.Calendar;

/// <summary>Configuration section <c>Calendar</c>.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>
    /// Optional JSON file with further holiday years (format: src/Workflows/PropertyManagement/Calendar/README.md),
    /// merged over the shipped 2025 and 2026; a year in the file replaces the shipped one. Relative to the content root.
    /// </summary>
    public string? HolidaysFile { get; set; }

    /// <summary>
    /// Development only: a provisional year (the demo's 2027) that the demo seeder enters through the same path as an
    /// admin, marked 非官方, when no configured year covers it. Relative to the content root, like <see cref="HolidaysFile"/>.
    /// </summary>
    public string? DemoHolidayYearFile { get; set; }

    /// <summary>Offices' closing time, China time, "HH:mm". Default 17:30 (procedures.md, art. 203 para. 2).</summary>
    public string OfficeClosing { get; set; } = "17:30";

    /// <summary>Set after binding: the content root that a relative <see cref="HolidaysFile"/> is resolved against.</summary>
    internal string ContentRoot { get; set; } = "";

    /// <summary>A relative file is looked up under the content root, then beside the binaries (a host started from bin/).</summary>
    internal string? HolidaysPath => Resolve(HolidaysFile);

    internal string? DemoHolidayYearPath => Resolve(DemoHolidayYearFile);

    private string? Resolve(string? file)
    {
        if (string.IsNullOrWhiteSpace(file)) return null;
        var underContentRoot = Path.GetFullPath(file, ContentRoot);
        if (Path.IsPathRooted(file) || File.Exists(underContentRoot)) return underContentRoot;
        var besideBinaries = Path.GetFullPath(file, AppContext.BaseDirectory);
        return File.Exists(besideBinaries) ? besideBinaries : underContentRoot;
    }

    internal static bool TryParseClosing(string? text, out TimeOnly closing) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out closing);

    /// <summary>The shipped calendar with the admin's file merged over it.</summary>
    internal HolidayCalendar LoadHolidays()
    {
        if (HolidaysPath is not { } path) return HolidayCalendar.Shipped;
        using var stream = File.OpenRead(path);
        return HolidayCalendar.Shipped.Merge(stream);
    }
}

/// <summary>Fails the start on a missing or malformed holiday file, or an unreadable closing time, naming the setting.</summary>
internal sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var errors = new List<string>();
        if (!CalendarOptions.TryParseClosing(options.OfficeClosing, out var closing))
            errors.Add($"Calendar:OfficeClosing '{options.OfficeClosing}' is not a time of day (HH:mm, e.g. 17:30).");
        else if (closing == TimeOnly.MinValue)
            errors.Add("Calendar:OfficeClosing 00:00 would end a period before its last day starts; use the office's closing time (default 17:30).");
        if (options.HolidaysPath is { } path)
        {
            if (!File.Exists(path))
            {
                errors.Add($"Calendar:HolidaysFile '{path}' does not exist.");
            }
            else
            {
                try
                {
                    options.LoadHolidays();
                }
                catch (HolidayCalendarFormatException ex)
                {
                    errors.Add($"Calendar:HolidaysFile '{path}' is not a valid holiday calendar: {ex.Message}");
                }
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

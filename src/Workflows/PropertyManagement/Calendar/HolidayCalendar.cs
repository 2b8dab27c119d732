namespace Workflows.PropertyManagement.Calendar;

/// <summary>
/// Public holidays and make-up working days per year, as announced each year by the State Council.
/// Immutable; <see cref="Merge(HolidayCalendar)"/> returns a new calendar.
/// </summary>
/// <remarks>
/// Uncovered years: every question about a date in a year the calendar does not cover throws
/// <see cref="CalendarYearNotCoveredException"/>, weekends included. Weekends are known from the date alone
/// (<see cref="IsWeekend"/>), but whether a weekend day is a rest day is not: make-up working days fall on
/// weekends, and any weekday may be a holiday. Answering "rest day" for a Saturday of an unknown year could
/// move a deadline past a make-up working day, so the calendar refuses instead of guessing.
/// </remarks>
public sealed class HolidayCalendar
{
    private const string ShippedResourceName = "Workflows.PropertyManagement.Calendar.holidays.json";

    private static readonly Lazy<HolidayCalendar> ShippedCalendar = new(LoadShipped);

    private readonly SortedDictionary<int, HolidayYear> _years;
    private readonly Dictionary<DateOnly, string> _holidayNames = [];
    private readonly HashSet<DateOnly> _makeUpWorkingDays = [];

    private HolidayCalendar(IEnumerable<HolidayYear> years)
    {
        _years = new SortedDictionary<int, HolidayYear>(years.ToDictionary(y => y.Year));
        foreach (var year in _years.Values)
        {
            foreach (var block in year.Holidays)
            {
                for (var day = block.From; day <= block.To; day = day.AddDays(1))
                {
                    _holidayNames[day] = block.Name;
                }
            }

            _makeUpWorkingDays.UnionWith(year.MakeUpWorkingDays);
        }
    }

    /// <summary>The years the service ships (2025 and 2026), from the embedded <c>Calendar/holidays.json</c>.</summary>
    public static HolidayCalendar Shipped => ShippedCalendar.Value;

    /// <summary>The covered years, in ascending order.</summary>
    public IReadOnlyList<HolidayYear> Years => [.. _years.Values];

    /// <summary>Reads a holiday calendar document (UTF-8 JSON).</summary>
    /// <exception cref="HolidayCalendarFormatException">The document is malformed or breaks a rule; every problem is listed.</exception>
    public static HolidayCalendar Load(Stream utf8Json) => Create(HolidayCalendarJson.Parse(utf8Json));

    /// <inheritdoc cref="Load(Stream)"/>
    public static HolidayCalendar Load(string json) => Create(HolidayCalendarJson.Parse(json));

    /// <summary>
    /// A calendar with the years of both; a year present in <paramref name="extra"/> replaces the same year here
    /// as a whole. The admin's file is meant to be authoritative: the State Council occasionally revises an
    /// arrangement it has already published.
    /// </summary>
    public HolidayCalendar Merge(HolidayCalendar extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var merged = new SortedDictionary<int, HolidayYear>(_years);
        foreach (var year in extra._years.Values)
        {
            merged[year.Year] = year;
        }

        return new HolidayCalendar(merged.Values);
    }

    /// <summary>Reads a further document and merges it (see <see cref="Merge(HolidayCalendar)"/>).</summary>
    /// <exception cref="HolidayCalendarFormatException">The document is malformed or breaks a rule.</exception>
    public HolidayCalendar Merge(Stream utf8Json) => Merge(Load(utf8Json));

    /// <inheritdoc cref="Merge(Stream)"/>
    public HolidayCalendar Merge(string json) => Merge(Load(json));

    /// <summary>Whether the holidays and make-up working days of <paramref name="year"/> are known.</summary>
    public bool Covers(int year) => _years.ContainsKey(year);

    /// <summary>Saturday or Sunday; known for any date, but see the remarks on the class for rest days.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <exception cref="CalendarYearNotCoveredException">The date's year is not covered.</exception>
    public DayType Classify(DateOnly date)
    {
        if (!Covers(date.Year))
        {
            throw new CalendarYearNotCoveredException(date);
        }

        // Make-up days first: they are weekend days that the arrangement turns into working days.
        if (_makeUpWorkingDays.Contains(date))
        {
            return DayType.MakeUpWorkingDay;
        }

        if (_holidayNames.ContainsKey(date))
        {
            return DayType.Holiday;
        }

        return IsWeekend(date) ? DayType.Weekend : DayType.WorkingDay;
    }

    /// <summary>A weekend day that is not a make-up working day, or a public holiday.</summary>
    /// <exception cref="CalendarYearNotCoveredException">The date's year is not covered.</exception>
    public bool IsRestDay(DateOnly date) => Classify(date).IsRest();

    /// <summary>Not a rest day: Monday to Friday outside holidays, and make-up working days.</summary>
    /// <exception cref="CalendarYearNotCoveredException">The date's year is not covered.</exception>
    public bool IsWorkingDay(DateOnly date) => !IsRestDay(date);

    /// <summary>The public holiday the date belongs to (e.g. 国庆节), or null if it is not a holiday.</summary>
    /// <exception cref="CalendarYearNotCoveredException">The date's year is not covered.</exception>
    public string? HolidayName(DateOnly date) =>
        Classify(date) == DayType.Holiday ? _holidayNames[date] : null;

    internal static HolidayCalendar Create(IReadOnlyList<HolidayYear> years)
    {
        HolidayYearValidator.Validate(years);
        return new HolidayCalendar(years);
    }

    private static HolidayCalendar LoadShipped()
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ShippedResourceName} is missing from the build.");
        return Load(stream);
    }
}

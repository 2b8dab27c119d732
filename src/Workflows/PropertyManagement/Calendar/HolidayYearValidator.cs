using System.Globalization;

namespace Workflows.PropertyManagement.Calendar;

/// <summary>
/// The rules a set of holiday years must keep, whatever it was read from. Error paths name the JSON position
/// (<c>$.years[i]...</c>), which is also the index in the list given.
/// </summary>
internal static class HolidayYearValidator
{
    // Wide enough for any real arrangement, narrow enough to catch a typo such as 20266 or 226.
    internal const int MinYear = 1900;
    internal const int MaxYear = 2999;

    public static void Validate(IReadOnlyList<HolidayYear> years)
    {
        var errors = new List<string>();
        var seen = new Dictionary<int, int>();
        for (var i = 0; i < years.Count; i++)
        {
            var path = $"$.years[{i}]";
            var year = years[i];
            if (year.Year is < MinYear or > MaxYear)
            {
                errors.Add($"{path}.year: {year.Year} is not a year between {MinYear} and {MaxYear}.");
                continue;
            }

            if (!seen.TryAdd(year.Year, i))
            {
                errors.Add($"{path}.year: {year.Year} appears twice (also at $.years[{seen[year.Year]}]).");
            }

            ValidateYear(year, path, errors);
        }

        if (errors.Count > 0)
        {
            throw new HolidayCalendarFormatException(errors);
        }
    }

    private static void ValidateYear(HolidayYear year, string path, List<string> errors)
    {
        // An empty list would make every weekday of the year a working day: a year is covered only once its
        // holidays are known, so "no holidays" is always a mistake.
        if (year.Holidays.Count == 0)
        {
            errors.Add($"{path}.holidays: at least one holiday is required; a year is covered only once its holidays are entered.");
        }

        for (var h = 0; h < year.Holidays.Count; h++)
        {
            var block = year.Holidays[h];
            var blockPath = $"{path}.holidays[{h}]";
            if (string.IsNullOrWhiteSpace(block.Name))
            {
                errors.Add($"{blockPath}.name: required, the holiday's name (e.g. \"春节\").");
            }

            if (block.From > block.To)
            {
                errors.Add($"{blockPath}: from {Format(block.From)} is after to {Format(block.To)}.");
            }

            // Each date belongs to its own year; a New Year block such as 12-30..01-01 is entered in two parts.
            foreach (var (end, value) in new[] { ("from", block.From), ("to", block.To) })
            {
                if (value.Year != year.Year)
                {
                    errors.Add(
                        $"{blockPath}.{end}: {Format(value)} is outside year {year.Year}; " +
                        "enter each day under its own year (split a block that spans New Year).");
                }
            }

            // Blocks must not overlap: a day has one holiday name.
            for (var other = 0; other < h; other++)
            {
                var earlier = year.Holidays[other];
                if (block.From <= earlier.To && earlier.From <= block.To && block.From <= block.To)
                {
                    var first = block.From > earlier.From ? block.From : earlier.From;
                    errors.Add(
                        $"{blockPath}: {block.Name} overlaps {earlier.Name} at {path}.holidays[{other}] " +
                        $"(both include {Format(first)}).");
                }
            }
        }

        var days = new HashSet<DateOnly>();
        for (var w = 0; w < year.MakeUpWorkingDays.Count; w++)
        {
            var day = year.MakeUpWorkingDays[w];
            var dayPath = $"{path}.workdays[{w}]";
            if (day.Year != year.Year)
            {
                errors.Add($"{dayPath}: {Format(day)} is outside year {year.Year}; enter it under its own year.");
            }

            // A make-up working day replaces a weekend day; a weekday in this list changes nothing and is
            // almost certainly a wrong date.
            if (!HolidayCalendar.IsWeekend(day))
            {
                errors.Add($"{dayPath}: {Format(day)} is a {day.DayOfWeek}; a make-up working day is a Saturday or Sunday.");
            }

            if (!days.Add(day))
            {
                errors.Add($"{dayPath}: {Format(day)} is listed twice.");
            }

            var h = IndexOfBlock(year.Holidays, day);
            if (h >= 0)
            {
                errors.Add(
                    $"{dayPath}: {Format(day)} is also a holiday ({year.Holidays[h].Name} at {path}.holidays[{h}]); " +
                    "a day cannot be both a holiday and a make-up working day.");
            }
        }
    }

    private static int IndexOfBlock(IReadOnlyList<HolidayBlock> blocks, DateOnly day)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Contains(day))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Format(DateOnly date) =>
        date.ToString(HolidayCalendarJson.DateFormat, CultureInfo.InvariantCulture);
}

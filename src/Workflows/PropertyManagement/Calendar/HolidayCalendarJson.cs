using System.Globalization;
using System.Text.Json;

namespace Workflows.PropertyManagement.Calendar;

/// <summary>
/// Reads the holiday calendar document:
/// <c>{"years":[{"year":2026,"source":"...","holidays":[{"from":"2026-01-01","to":"2026-01-03","name":"元旦"}],"workdays":["2026-01-04"]}]}</c>.
/// Strict on purpose: the file is edited by hand, and a typo ("holiday", "2026-1-4", a number for a date) must be
/// refused with its path rather than silently dropped, or a deadline would move.
/// </summary>
internal static class HolidayCalendarJson
{
    internal const string DateFormat = "yyyy-MM-dd";

    // Admins edit the file by hand: comments and trailing commas are harmless, so they are allowed.
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static IReadOnlyList<HolidayYear> Parse(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Parse(() => JsonDocument.Parse(utf8Json, Options));
    }

    public static IReadOnlyList<HolidayYear> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(() => JsonDocument.Parse(json, Options));
    }

    private static IReadOnlyList<HolidayYear> Parse(Func<JsonDocument> parse)
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException ex)
        {
            throw new HolidayCalendarFormatException([$"$: not valid JSON: {Describe(ex)}"]);
        }

        using (document)
        {
            var errors = new List<string>();
            var years = ReadDocument(document.RootElement, errors);
            if (errors.Count > 0)
            {
                throw new HolidayCalendarFormatException(errors);
            }

            return years;
        }
    }

    /// <summary>The reader's problem and where, counted from 1 as editors count lines (the reader counts from 0).</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        return ex.LineNumber is { } line
            ? $"{message} (line {line + 1}, byte {ex.BytePositionInLine + 1})"
            : message;
    }

    private static List<HolidayYear> ReadDocument(JsonElement root, List<string> errors)
    {
        var years = new List<HolidayYear>();
        var properties = ReadObject(root, "$", ["years"], errors);
        if (properties is null)
        {
            return years;
        }

        if (!properties.TryGetValue("years", out var array))
        {
            errors.Add("$.years: required (an array of years).");
        }
        else if (ExpectKind(array, JsonValueKind.Array, "$.years", errors))
        {
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                if (ReadYear(element, $"$.years[{index}]", errors) is { } year)
                {
                    years.Add(year);
                }

                index++;
            }
        }

        return years;
    }

    private static HolidayYear? ReadYear(JsonElement element, string path, List<string> errors)
    {
        var properties = ReadObject(element, path, ["year", "source", "holidays", "workdays"], errors);
        if (properties is null)
        {
            return null;
        }

        var errorsBefore = errors.Count;
        int year = 0;
        if (!properties.TryGetValue("year", out var yearElement))
        {
            errors.Add($"{path}.year: required (e.g. 2027).");
        }
        else if (ExpectKind(yearElement, JsonValueKind.Number, $"{path}.year", errors)
            && !yearElement.TryGetInt32(out year))
        {
            errors.Add($"{path}.year: {yearElement.GetRawText()} is not a whole number.");
        }

        string? source = null;
        if (properties.TryGetValue("source", out var sourceElement)
            && ExpectKind(sourceElement, JsonValueKind.String, $"{path}.source", errors))
        {
            source = sourceElement.GetString();
        }

        var holidays = new List<HolidayBlock>();
        if (!properties.TryGetValue("holidays", out var holidaysElement))
        {
            errors.Add($"{path}.holidays: required (an array of {{\"from\",\"to\",\"name\"}}).");
        }
        else if (ExpectKind(holidaysElement, JsonValueKind.Array, $"{path}.holidays", errors))
        {
            var index = 0;
            foreach (var block in holidaysElement.EnumerateArray())
            {
                if (ReadBlock(block, $"{path}.holidays[{index}]", errors) is { } read)
                {
                    holidays.Add(read);
                }

                index++;
            }
        }

        // Optional: a year may have no make-up working days.
        var workdays = new List<DateOnly>();
        if (properties.TryGetValue("workdays", out var workdaysElement)
            && ExpectKind(workdaysElement, JsonValueKind.Array, $"{path}.workdays", errors))
        {
            var index = 0;
            foreach (var day in workdaysElement.EnumerateArray())
            {
                if (ReadDate(day, $"{path}.workdays[{index}]", errors) is { } date)
                {
                    workdays.Add(date);
                }

                index++;
            }
        }

        return errors.Count == errorsBefore ? new HolidayYear(year, holidays, workdays, source) : null;
    }

    private static HolidayBlock? ReadBlock(JsonElement element, string path, List<string> errors)
    {
        var properties = ReadObject(element, path, ["from", "to", "name"], errors);
        if (properties is null)
        {
            return null;
        }

        var errorsBefore = errors.Count;
        var from = ReadRequiredDate(properties, "from", path, errors);
        var to = ReadRequiredDate(properties, "to", path, errors);
        string? name = null;
        if (!properties.TryGetValue("name", out var nameElement))
        {
            errors.Add($"{path}.name: required (e.g. \"春节\").");
        }
        else if (ExpectKind(nameElement, JsonValueKind.String, $"{path}.name", errors))
        {
            name = nameElement.GetString();
        }

        return errors.Count == errorsBefore ? new HolidayBlock(from!.Value, to!.Value, name!) : null;
    }

    private static DateOnly? ReadRequiredDate(
        Dictionary<string, JsonElement> properties, string name, string path, List<string> errors)
    {
        if (properties.TryGetValue(name, out var element))
        {
            return ReadDate(element, $"{path}.{name}", errors);
        }

        errors.Add($"{path}.{name}: required (a date {DateFormat}).");
        return null;
    }

    private static DateOnly? ReadDate(JsonElement element, string path, List<string> errors)
    {
        if (!ExpectKind(element, JsonValueKind.String, path, errors))
        {
            return null;
        }

        var text = element.GetString();
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{path}: \"{text}\" is not a date in the form {DateFormat}.");
        return null;
    }

    /// <summary>Checks an object's property names: unknown and repeated names are errors, not ignored.</summary>
    private static Dictionary<string, JsonElement>? ReadObject(
        JsonElement element, string path, string[] allowed, List<string> errors)
    {
        if (!ExpectKind(element, JsonValueKind.Object, path, errors))
        {
            return null;
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add($"{path}: unknown property \"{property.Name}\" (expected {string.Join(", ", allowed)}).");
            }
            else if (!properties.TryAdd(property.Name, property.Value))
            {
                errors.Add($"{path}: property \"{property.Name}\" appears twice.");
            }
        }

        return properties;
    }

    private static bool ExpectKind(JsonElement element, JsonValueKind expected, string path, List<string> errors)
    {
        if (element.ValueKind == expected)
        {
            return true;
        }

        errors.Add($"{path}: expected {Describe(expected)}, found {Describe(element.ValueKind)}.");
        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

using System.Globalization;
using System.Text.RegularExpressions;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.PropertyManagement.Deadlines;

/// <summary>Reads a period written as the law writes it: "90日", "3个月", "5个工作日" (also "90 days", "3 months").</summary>
public static partial class PeriodText
{
    [GeneratedRegex(@"^\s*(?<n>\d{1,5})\s*(?<unit>个工作日|工作日|working\s*days?|个月|月|months?|日|天|days?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>Parses the text; the direction (forward or before) is the caller's.</summary>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static PeriodSpec Parse(string text, bool before)
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
            throw new FormatException($"“{text}”不是期限（例如 90日、3个月、5个工作日）。");
        var n = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var spec = unit switch
        {
            _ when unit.Contains("工作日", StringComparison.Ordinal) || unit.StartsWith("working", StringComparison.Ordinal) => PeriodSpec.OfWorkingDays(n),
            _ when unit.Contains('月') || unit.StartsWith("month", StringComparison.Ordinal) => PeriodSpec.OfMonths(n),
            _ => PeriodSpec.OfDays(n),
        };
        return before ? spec.Backward() : spec;
    }
}

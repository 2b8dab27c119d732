using System.Globalization;

namespace Workflows.PropertyManagement.Deadlines;

/// <summary>
/// A resolved deadline: the period as written, the day counting starts from, the last day, the instant it ends
/// (Civil Code art. 203 para. 2) and the reasoning in Chinese.
/// </summary>
public sealed record Deadline(
    string Period,
    DateOnly CountedFrom,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    IReadOnlyList<string> Explanation)
{
    public string DueDateText => DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

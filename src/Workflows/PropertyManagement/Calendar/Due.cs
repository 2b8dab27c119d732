using System.Globalization;

namespace Workflows.PropertyManagement.Calendar;

/// <summary>A computed deadline and the reasoning behind it.</summary>
/// <param name="Date">
/// Forward periods: the last day of the period (act on or before it). Backward periods ("at least N days before
/// X"): the latest day on which to act.
/// </param>
/// <param name="Explanation">The steps in Simplified Chinese, citing the Civil Code, for officers and the UI.</param>
public sealed record Due(DateOnly Date, IReadOnlyList<string> Explanation)
{
    public override string ToString() =>
        Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "：" + string.Join("；", Explanation);
}

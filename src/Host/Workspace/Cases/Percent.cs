using System.Globalization;

namespace Workflows.Host.Workspace.Cases;

/// <summary>A rate as Chinese pages write it: one decimal, no space before the sign (75.0%).</summary>
internal static class Percent
{
    public static string Of(decimal rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

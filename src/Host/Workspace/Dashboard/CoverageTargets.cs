namespace Workflows.Host.Workspace.Dashboard;

/// <summary>The coverage target that applies in a year, and the year it was set for.</summary>
public sealed record CoverageTarget(int Year, int TargetYear, decimal Rate);

/// <summary>
/// Seed 003 (二、总体目标): owners' committee and property-management coverage "力争2020年达到40%、2021年达到60%、
/// 2022年达到80%". Before 2020 the first target is what is worked towards; after 2022 the last one stays the bar
/// (the policy sets no later figure, and lowering it would read the plan backwards).
/// </summary>
public static class CoverageTargets
{
    public static readonly IReadOnlyList<(int Year, decimal Rate)> Seed003 = [(2020, 0.40m), (2021, 0.60m), (2022, 0.80m)];

    public static CoverageTarget For(int year)
    {
        var (targetYear, rate) = Seed003.LastOrDefault(t => t.Year <= year);
        if (targetYear == 0) (targetYear, rate) = Seed003[0];
        return new CoverageTarget(year, targetYear, rate);
    }
}

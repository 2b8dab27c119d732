using System.Globalization;

namespace Workflows.PropertyManagement.Rating;

/// <summary>
/// The star band of a yearly old-compound rating and its efficiency subsidy (seed 002 annex 2: 85+ five stars,
/// 80-84 four, 75-79 three, 70-74 two, 65-69 one; 0.30/0.25/0.20/0.15/0.10 yuan per m2 per month). A
/// disqualified compound (serious violations) or one under 65 points gets no star and no subsidy.
/// </summary>
public sealed record StarRating(decimal Score, bool Disqualified, int Stars, decimal SubsidyPerSquareMetreMonth, decimal MonthlySubsidy, string Summary)
{
    private static readonly (decimal MinScore, int Stars, decimal Rate)[] Bands =
        [(85m, 5, 0.30m), (80m, 4, 0.25m), (75m, 3, 0.20m), (70m, 2, 0.15m), (65m, 1, 0.10m)];

    /// <param name="score">The reviewed score out of 100.</param>
    /// <param name="disqualified">One-vote veto (一票否决).</param>
    /// <param name="floorArea">The compound's floor area in m2, for the monthly subsidy.</param>
    /// <exception cref="ArgumentOutOfRangeException">The score is not within 0-100.</exception>
    public static StarRating Of(decimal score, bool disqualified, decimal floorArea)
    {
        if (score is < 0m or > 100m)
            throw new ArgumentOutOfRangeException(nameof(score), score, $"复核得分 {score} 无效，应在 0 到 100 分之间。");
        var band = disqualified ? default : Bands.FirstOrDefault(b => score >= b.MinScore);
        var monthly = Math.Round(band.Rate * floorArea, 2, MidpointRounding.AwayFromZero);
        var points = score.ToString("0.##", CultureInfo.InvariantCulture);
        var summary = disqualified ? $"{points}分，一票否决，不评星级，不享受效能补贴"
            : band.Stars == 0 ? $"{points}分，未达一星级（65分），不享受效能补贴"
            : $"{points}分，{band.Stars}星级，效能补贴 {band.Rate:0.00} 元/平方米/月，每月 {monthly:0.00} 元";
        return new StarRating(score, disqualified, band.Stars, band.Rate, monthly, summary);
    }
}

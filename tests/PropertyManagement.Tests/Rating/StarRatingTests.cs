using Workflows.PropertyManagement.Rating;

namespace Workflows.PropertyManagement.Tests.Rating;

/// <summary>Star bands at their boundaries (seed 002 annex 2).</summary>
public sealed class StarRatingTests
{
    [Theory]
    [InlineData(100, 5, 0.30)]
    [InlineData(85, 5, 0.30)]
    [InlineData(84.9, 4, 0.25)]
    [InlineData(80, 4, 0.25)]
    [InlineData(79.5, 3, 0.20)]
    [InlineData(75, 3, 0.20)]
    [InlineData(74, 2, 0.15)]
    [InlineData(70, 2, 0.15)]
    [InlineData(69, 1, 0.10)]
    [InlineData(65, 1, 0.10)]
    [InlineData(64.9, 0, 0)]
    [InlineData(0, 0, 0)]
    public void Score_falls_in_its_band_with_its_subsidy_rate(double score, int stars, double rate)
    {
        var rating = StarRating.Of((decimal)score, disqualified: false, floorArea: 10_000m);
        Assert.Equal(stars, rating.Stars);
        Assert.Equal((decimal)rate, rating.SubsidyPerSquareMetreMonth);
        Assert.Equal((decimal)rate * 10_000m, rating.MonthlySubsidy);
    }

    [Fact]
    public void Disqualified_compound_gets_no_star_and_no_subsidy_whatever_its_score()
    {
        var rating = StarRating.Of(92m, disqualified: true, floorArea: 18_300m);
        Assert.Equal((0, 0m, 0m), (rating.Stars, rating.SubsidyPerSquareMetreMonth, rating.MonthlySubsidy));
        Assert.Contains("一票否决", rating.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_names_band_rate_and_monthly_amount()
    {
        Assert.Equal("82分，4星级，效能补贴 0.25 元/平方米/月，每月 4575.00 元", StarRating.Of(82m, false, 18_300m).Summary);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Score_outside_0_to_100_is_refused_with_a_chinese_message(double score)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => StarRating.Of((decimal)score, false, 1m));
        Assert.Contains("应在 0 到 100 分之间", ex.Message, StringComparison.Ordinal);
    }
}

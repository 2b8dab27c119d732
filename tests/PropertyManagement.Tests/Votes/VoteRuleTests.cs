using Workflows.PropertyManagement.Votes;

namespace Workflows.PropertyManagement.Tests.Votes;

/// <summary>Civil Code art. 278 para. 2 at and around its boundaries, by area and by headcount. Totals: 300 m², 30 owners.</summary>
public sealed class VoteRuleTests
{
    private static VoteTally Tally(decimal participatingArea, int participatingOwners, decimal approvingArea, int approvingOwners) =>
        new(300m, 30, participatingArea, participatingOwners, approvingArea, approvingOwners);

    public static TheoryData<VoteMatter, decimal, int, decimal, int, VoteThreshold[]> Cases => new()
    {
        // Participation: at least 2/3 of the area (200 m²) and of the owners (20).
        { VoteMatter.Ordinary, 200m, 20, 101m, 11, [] },
        { VoteMatter.Ordinary, 199.99m, 20, 101m, 11, [VoteThreshold.ParticipationArea] },
        { VoteMatter.Ordinary, 200m, 19, 101m, 11, [VoteThreshold.ParticipationOwners] },
        { VoteMatter.Ordinary, 199m, 19, 101m, 11, [VoteThreshold.ParticipationArea, VoteThreshold.ParticipationOwners] },
        { VoteMatter.Ordinary, 300m, 30, 151m, 16, [] },
        // Ordinary approval: more than 1/2 of the participating area and owners; exactly half is not enough.
        { VoteMatter.Ordinary, 200m, 20, 100m, 11, [VoteThreshold.ApprovalArea] },
        { VoteMatter.Ordinary, 200m, 20, 100.01m, 11, [] },
        { VoteMatter.Ordinary, 200m, 20, 101m, 10, [VoteThreshold.ApprovalOwners] },
        { VoteMatter.Ordinary, 200m, 20, 100m, 10, [VoteThreshold.ApprovalArea, VoteThreshold.ApprovalOwners] },
        // Major matters: at least 3/4; exactly 3/4 passes.
        { VoteMatter.Major, 200m, 20, 150m, 15, [] },
        { VoteMatter.Major, 200m, 20, 149.99m, 15, [VoteThreshold.ApprovalArea] },
        { VoteMatter.Major, 200m, 20, 150m, 14, [VoteThreshold.ApprovalOwners] },
        { VoteMatter.Major, 200m, 20, 101m, 11, [VoteThreshold.ApprovalArea, VoteThreshold.ApprovalOwners] },
        { VoteMatter.Major, 0m, 0, 0m, 0, [VoteThreshold.ParticipationArea, VoteThreshold.ParticipationOwners, VoteThreshold.ApprovalArea, VoteThreshold.ApprovalOwners] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vote_passes_only_when_every_threshold_is_met(VoteMatter matter, decimal pArea, int pOwners, decimal aArea, int aOwners, VoteThreshold[] failing)
    {
        var result = VoteRule.Check(matter, Tally(pArea, pOwners, aArea, aOwners));
        Assert.Equal(failing, result.Failures.Select(f => f.Threshold));
        Assert.Equal(failing.Length == 0, result.Passed);
    }

    [Fact]
    public void Two_thirds_of_an_owner_count_not_divisible_by_three_rounds_up()
    {
        var tally = new VoteTally(300m, 31, 300m, 20, 300m, 20);
        Assert.Equal([VoteThreshold.ParticipationOwners], VoteRule.Check(VoteMatter.Ordinary, tally).Failures.Select(f => f.Threshold));
        Assert.True(VoteRule.Check(VoteMatter.Ordinary, tally with { ParticipatingOwners = 21, ApprovingOwners = 21 }).Passed);
    }

    [Fact]
    public void Result_names_the_failing_threshold_in_chinese()
    {
        var ordinary = VoteRule.Check(VoteMatter.Ordinary, Tally(150m, 25, 100m, 20));
        var message = Assert.Single(ordinary.Failures).Message;
        Assert.Contains("参与表决的专有部分面积 150 ㎡", message, StringComparison.Ordinal);
        Assert.Contains("50.0%", message, StringComparison.Ordinal);
        Assert.Contains("未达三分之二", message, StringComparison.Ordinal);
        Assert.StartsWith("表决未通过：", ordinary.Summary, StringComparison.Ordinal);

        var major = VoteRule.Check(VoteMatter.Major, Tally(200m, 20, 140m, 15));
        Assert.Contains("未达四分之三", Assert.Single(major.Failures).Message, StringComparison.Ordinal);
        Assert.Contains("未过半数", VoteRule.Check(VoteMatter.Ordinary, Tally(200m, 20, 100m, 15)).Failures[0].Message, StringComparison.Ordinal);
        Assert.Equal("表决通过", VoteRule.Check(VoteMatter.Ordinary, Tally(200m, 20, 150m, 15)).Summary);
    }

    [Fact]
    public void Incoherent_tally_is_refused_field_by_field()
    {
        var errors = new VoteTally(300m, 30, 301m, 31, 302m, 2).Validate();
        Assert.Equal(["approvingArea", "participatingArea", "participatingOwners"], errors.Keys.Order());
        Assert.Empty(Tally(200m, 20, 101m, 11).Validate());
    }
}

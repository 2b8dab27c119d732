using System.Globalization;

namespace Workflows.PropertyManagement.Votes;

/// <summary>
/// Civil Code art. 278 para. 2: owners holding at least 2/3 of the exclusive area AND at least 2/3 of the owners
/// take part; the decision then needs at least 3/4 (major matters) or more than 1/2 (every other matter) of the
/// participating area AND of the participating owners. "以上" includes the number itself (art. 1259); "过半数"
/// does not. Older 50% participation rules are superseded. Exact arithmetic: no rounding at the boundary.
/// </summary>
public static class VoteRule
{
    private const string Source = "《民法典》第二百七十八条第二款";

    public static VoteResult Check(VoteMatter matter, VoteTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var failures = new List<FailedThreshold>();
        if (3 * tally.ParticipatingArea < 2 * tally.TotalArea)
            failures.Add(new(VoteThreshold.ParticipationArea,
                $"参与表决的专有部分面积 {N(tally.ParticipatingArea)} ㎡，占总面积 {N(tally.TotalArea)} ㎡ 的 {P(tally.ParticipatingArea, tally.TotalArea)}，未达三分之二（{Source}）"));
        if (3 * tally.ParticipatingOwners < 2 * tally.TotalOwners)
            failures.Add(new(VoteThreshold.ParticipationOwners,
                $"参与表决人数 {tally.ParticipatingOwners} 人，占业主总人数 {tally.TotalOwners} 人的 {P(tally.ParticipatingOwners, tally.TotalOwners)}，未达三分之二（{Source}）"));

        var (areaOk, ownersOk, rule) = matter == VoteMatter.Major
            ? (4 * tally.ApprovingArea >= 3 * tally.ParticipatingArea && tally.ParticipatingArea > 0,
               4 * tally.ApprovingOwners >= 3 * tally.ParticipatingOwners && tally.ParticipatingOwners > 0,
               "未达四分之三")
            : (2 * tally.ApprovingArea > tally.ParticipatingArea,
               2 * tally.ApprovingOwners > tally.ParticipatingOwners,
               "未过半数");
        if (!areaOk)
            failures.Add(new(VoteThreshold.ApprovalArea,
                $"同意的专有部分面积 {N(tally.ApprovingArea)} ㎡，占参与表决面积 {N(tally.ParticipatingArea)} ㎡ 的 {P(tally.ApprovingArea, tally.ParticipatingArea)}，{rule}（{Source}）"));
        if (!ownersOk)
            failures.Add(new(VoteThreshold.ApprovalOwners,
                $"同意人数 {tally.ApprovingOwners} 人，占参与表决人数 {tally.ParticipatingOwners} 人的 {P(tally.ApprovingOwners, tally.ParticipatingOwners)}，{rule}（{Source}）"));
        return new VoteResult(failures.Count == 0, failures);
    }

    public static string ChineseName(this VoteMatter matter) => matter switch
    {
        VoteMatter.Major => "重大事项（筹集维修资金、改建重建、改变共有部分用途等，须四分之三以上同意）",
        _ => "一般事项（须过半数同意）",
    };

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string P(decimal part, decimal whole) =>
        whole == 0 ? "0%" : (part / whole).ToString("0.0%", CultureInfo.InvariantCulture);
}

namespace Workflows.Host.Workspace.Dashboard;

/// <summary>
/// Procedure P8 (seed 002 annex 2): the district's review score out of 100 gives the stars — 85+ five, 80-84 four,
/// 75-79 three, 70-74 two, 65-69 one; below 65 none; a serious violation disqualifies whatever the score.
/// </summary>
public static class StarRatings
{
    public static int Stars(decimal score, bool disqualified) => disqualified ? 0 : score switch
    {
        >= 85 => 5,
        >= 80 => 4,
        >= 75 => 3,
        >= 70 => 2,
        >= 65 => 1,
        _ => 0,
    };
}

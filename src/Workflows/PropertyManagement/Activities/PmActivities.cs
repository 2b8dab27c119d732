namespace Workflows.PropertyManagement.Activities;

/// <summary>Names shared by the property-management activities.</summary>
public static class PmActivities
{
    /// <summary>The designer's palette group.</summary>
    public const string Category = "物业管理";

    public const string Namespace = "Pm";

    public const string OfficerTask = "Pm.OfficerTask";
    public const string FilingWindow = "Pm.FilingWindow";
    public const string Escalate = "Pm.Escalate";
    public const string OwnersVote = "Pm.OwnersVote";
    public const string Notify = "Pm.Notify";
    public const string CreditRecord = "Pm.CreditRecord";

    /// <summary>Bookmark waiting for an officer (task completed) or a clerk (filing recorded).</summary>
    public const string MainBookmark = "Pm.Main";

    /// <summary>Timer bookmark at the instant the period ends.</summary>
    public const string OverdueBookmark = "Pm.Overdue";

    public const string Done = "Done";
    public const string Overdue = "Overdue";
    public const string Filed = "Filed";
    public const string FiledLate = "FiledLate";
    public const string Passed = "Passed";
    public const string Failed = "Failed";
}

namespace Workflows.Host.Workspace.Cases;

/// <summary>The traffic light of a due date: red when overdue, yellow within the warning window, green otherwise.</summary>
internal static class DeadlineLight
{
    /// <param name="warningDays">The window of <c>Workspace:WarningDays</c> (default 3 days).</param>
    public static string Of(int daysLeft, bool overdue, int warningDays) =>
        overdue || daysLeft < 0 ? "red" : daysLeft <= warningDays ? "yellow" : "green";

    public static string Name(string light, CaseText text) => light switch
    {
        "red" => text.Overdue,
        "yellow" => text.DueSoon,
        _ => text.InTime,
    };

    public const string Css = """
        .light { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: middle; }
        .light.red { background: #d32f2f; } .light.yellow { background: #f9a825; } .light.green { background: #2e7d32; }
        """;
}

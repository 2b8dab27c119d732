namespace Workflows.Host.Notifications.Reminders;

/// <summary>The stages of a deadline's reminders and the template kind each renders.</summary>
public static class ReminderStages
{
    public const string Assigned = "task-assigned";
    public const string DueToday = "due-today";
    public const string OverdueUrge = "overdue-urge";
    public const string FilingOverdue = "filing-overdue";

    /// <summary>Generic "n days left" kind, for offsets that have no template of their own.</summary>
    public const string Reminder = "reminder";

    /// <summary><c>reminder-5d</c> for 5 days before; <c>due-today</c> for the due day; <c>overdue-urge</c> after it.</summary>
    public static string ForDaysBefore(int days) => days switch
    {
        > 0 => $"reminder-{days}d",
        0 => DueToday,
        _ => OverdueUrge,
    };

    /// <summary>The 催办 of a filing tells the supervising authority that the filing is overdue.</summary>
    public static string TemplateKind(string stage, string subjectKind) =>
        stage == OverdueUrge && subjectKind == SubjectKinds.Filing ? FilingOverdue : stage;
}

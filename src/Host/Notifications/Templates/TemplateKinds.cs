using Workflows.Host.Notifications.Reminders;

namespace Workflows.Host.Notifications.Templates;

/// <summary>The message kinds with a shipped template, their names in the admin pages, and sample data for previews.</summary>
public static class TemplateKinds
{
    /// <summary>A text written in the workflow (Elsa.SendEmail, Pm.Notify); as SMS it needs a template with one parameter.</summary>
    public const string Message = "message";

    public static readonly IReadOnlyList<(string Kind, string Name)> All =
    [
        ("reminder-5d", "到期前5天提醒"),
        ("reminder-1d", "到期前1天提醒"),
        (ReminderStages.Reminder, "到期提醒（其他天数）"),
        (ReminderStages.DueToday, "到期当日提醒"),
        (ReminderStages.OverdueUrge, "任务逾期催办"),
        (ReminderStages.FilingOverdue, "备案逾期催办"),
        (ReminderStages.Assigned, "任务交办通知"),
        (Message, "流程通知（短信）"),
    ];

    public static string NameOf(string kind) => All.FirstOrDefault(k => k.Kind == kind).Name ?? kind;

    /// <summary>What previews render with: every variable the shipped templates use.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sample = new Dictionary<string, string>
    {
        ["title"] = "物业服务合同备案",
        ["subject_kind"] = "备案",
        ["recipient_name"] = "张经理",
        ["responsible_name"] = "河南安居物业服务有限公司",
        ["unit_name"] = "区住房和城乡建设局",
        ["compound_name"] = "幸福里小区",
        ["due_date"] = "2026-10-10",
        ["due_time"] = "17:30",
        ["days_left"] = "5",
        ["period"] = "15日",
        ["case_id"] = "C-2026-0001",
        ["subject"] = "关于物业服务合同备案的通知",
        ["body"] = "请于10月10日前办理物业服务合同备案。",
    };
}

using Workflows.Host.Studio;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>The words of the inbox and task pages, Chinese first; the English switch of <see cref="AdminLanguage"/> picks the other.</summary>
internal sealed record TaskText(
    bool IsChinese, string Inbox, string Mine, string Unit, string Done, string Below, string Approvals, string Procedure, string Compound,
    string Status, string Any, string Filter, string Task, string Case, string Due, string TimeLeft, string Handler, string Empty,
    string Claim, string Release, string Reassign, string ReassignTo, string Complete, string Outcome, string Note, string AddNote,
    string NoteText, string AttachmentName, string AttachmentReference, string AddAttachment, string Extension, string ExtensionReason,
    string ProposedDueDate, string RequestExtension, string Approve, string Deny, string DecisionNote, string History, string Notes,
    string Extensions, string CaseLink, string Instructions, string ReadOnly, string Form, string Saved, string Requested, string Unit2,
    string Reason, string Back, string NoDeadline, string Open)
{
    public static TaskText For(AdminLanguage language) => language.Code == AdminLanguage.English.Code ? English : Chinese;

    public static readonly TaskText Chinese = new(
        true, "我的待办", "我的任务", "本单位待认领", "已办结", "下级单位任务", "延期审批", "程序", "小区", "状态", "全部", "筛选", "任务", "案件",
        "到期日", "剩余时间", "办理人", "暂无任务。", "认领", "退回待认领", "转派", "转派给（本单位人员账号）", "办结", "办理结果", "办理意见",
        "添加备注", "备注内容", "附件名称", "附件链接或文号", "添加附件引用", "申请延期", "延期理由", "申请延至", "提交延期申请", "批准延期",
        "不批准", "审批意见", "办理记录", "备注与附件", "延期申请", "查看案件", "办理要求", "本任务属于下级单位，仅供查看。", "办结表单",
        "已保存。", "申请单位", "单位", "理由", "返回待办", "无期限", "待办");

    public static readonly TaskText English = new(
        false, "My inbox", "My tasks", "Unit's unclaimed", "Done", "Units below", "Extension requests", "Procedure", "Compound", "Status", "All",
        "Filter", "Task", "Case", "Due", "Time left", "Handler", "No tasks.", "Claim", "Release", "Reassign", "Reassign to (user name of my unit)",
        "Complete", "Outcome", "Comment", "Add note", "Note", "Attachment name", "Attachment URL or reference number", "Add attachment reference",
        "Request an extension", "Reason", "Extend to", "Send the request", "Approve", "Deny", "Decision note", "History", "Notes and attachments",
        "Extension requests", "Open the case", "Instructions", "This task belongs to a unit below yours: read only.", "Completion form",
        "Saved.", "Requested by", "Unit", "Reason", "Back to the inbox", "No deadline", "Open");

    public string TimeLeftOf(TaskTiming timing) => IsChinese ? timing.TimeLeft : timing.TimeLeftEnglish;
}

using Workflows.Host.Studio;

namespace Workflows.Host.Workspace.Cases;

/// <summary>The words of the case pages and the dashboard, Chinese first; English with <c>?lang=en</c>.</summary>
internal sealed class CaseText(bool chinese)
{
    public static CaseText For(AdminLanguage language) => new(language.Code != AdminLanguage.English.Code);

    public bool IsChinese { get; } = chinese;

    private string T(string zh, string en) => IsChinese ? zh : en;

    public string Cases => T("案件", "Cases");
    public string Dashboard => T("督办看板", "Supervision");
    public string CaseTitle => T("案件详情", "Case");
    public string Procedure => T("办理程序", "Procedure");
    public string AnyProcedure => T("全部程序", "Any procedure");
    public string Compound => T("小区", "Compound");
    public string AnyCompound => T("全部小区", "Any compound");
    public string Street => T("街道", "Street");
    public string Community => T("社区", "Community");
    public string Status => T("状态", "Status");
    public string AnyStatus => T("全部状态", "Any status");
    public string StatusOpen => T("办理中", "Open");
    public string StatusClosed => T("已办结", "Closed");
    public string StatusCancelled => T("已撤销", "Cancelled");
    public string StatusFaulted => T("异常中止", "Faulted");
    public string Started => T("启动时间", "Started");
    public string StartedBy => T("启动人", "Started by");
    public string Filter => T("查询", "Filter");
    public string NoCases => T("没有符合条件的案件。", "No cases match.");
    public string Search => T("案件编号或小区名称", "Case number or compound name");
    public string PreviousPage => T("上一页", "Previous");
    public string NextPage => T("下一页", "Next");
    public string PageOf(int page, int total, bool capped) => IsChinese
        ? $"第 {page} 页 · 共 {total}{(capped ? "+" : "")} 件"
        : $"Page {page} · {total}{(capped ? "+" : "")} cases";
    public string Timeline => T("办理过程", "Timeline");
    public string OpenTasks => T("待办任务", "Open tasks");
    public string DoneTasks => T("已办任务", "Done tasks");
    public string Task => T("任务", "Task");
    public string Unit => T("承办单位", "Unit");
    public string Due => T("办理期限", "Due");
    public string DaysLeft => T("剩余", "Left");
    public string Outcome => T("办理结果", "Outcome");
    public string CompletedBy => T("办理人", "By");
    public string CompletedAt => T("办结时间", "Done at");
    public string NoTasks => T("无。", "None.");
    public string Filings => T("备案", "Filings");
    public string FilingType => T("备案事项", "Filing");
    public string CountedFrom => T("起算日", "Counted from");
    public string FiledOn => T("备案日期", "Filed on");
    public string Receipt => T("回执编号", "Receipt");
    public string Authority => T("备案机关", "Authority");
    public string Record => T("登记备案", "Record");
    public string FilingRecorded => T("已登记备案。", "The filing was recorded.");
    public string Deadlines => T("临近期限", "Upcoming deadlines");
    public string Votes => T("业主表决", "Owners' votes");
    public string Subject => T("表决事项", "Subject");
    public string Participation => T("参与表决（面积 / 人数）", "Participation (area / owners)");
    public string Approval => T("同意（面积 / 人数）", "Approval (area / owners)");
    public string Thresholds => T("法定门槛", "Thresholds");
    public string ParticipationRule => T("参与表决的专有部分面积和人数均须达三分之二以上", "Participation: at least 2/3 of the area and of the owners");
    public string People => T(" 人", " owners");
    public string Result => T("结果", "Result");
    public string Passed => T("通过", "Passed");
    public string Failed => T("未通过", "Failed");
    public string DecidedOn => T("表决日期", "Decided on");
    public string StudioLink => T("在流程设计器中查看流程实例", "Open the workflow instance in Elsa Studio");
    public string Time => T("时间（北京时间）", "Time (China)");
    public string What => T("事项", "What");
    public string Overdue => T("已逾期", "Overdue");
    public string DueSoon => T("即将到期", "Due soon");
    public string InTime => T("期限内", "In time");
    public string StartProcedure => T("启动办理程序", "Start a procedure");

    public string Days(int days) => days < 0 ? T($"逾期 {-days} 天", $"{-days} days overdue") : days == 0 ? T("今天到期", "due today") : T($"{days} 天", $"{days} days");

    public string StatusName(string status) => status switch
    {
        "Open" => StatusOpen,
        "Closed" => StatusClosed,
        "Cancelled" => StatusCancelled,
        "Faulted" => StatusFaulted,
        _ => status,
    };
}

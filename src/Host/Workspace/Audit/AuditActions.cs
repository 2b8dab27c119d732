using Workflows.Host.Workspace.Tasks;

namespace Workflows.Host.Workspace.Audit;

/// <summary>The actions this part records, with their names for the audit page. Others add theirs the same way.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SignOut = "sign-out";
    public const string UserCreate = "user.create";
    public const string UserResetPassword = "user.reset-password";
    public const string UserChangePassword = "user.change-password";
    public const string UserLock = "user.lock";
    public const string UserUnlock = "user.unlock";
    public const string DefinitionCreate = "definition.create";
    public const string DefinitionPublish = "definition.publish";
    public const string DefinitionRetract = "definition.retract";
    public const string DefinitionRevert = "definition.revert";
    public const string DefinitionDelete = "definition.delete";
    public const string DefinitionDeleteVersion = "definition.delete-version";
    public const string DefinitionImport = "definition.import";

    public static class Resources
    {
        public const string User = "user";
        public const string WorkflowDefinition = "workflow-definition";
    }

    public static readonly IReadOnlyList<(string Action, string Chinese, string English)> Known =
    [
        (SignInSucceeded, "登录成功", "Signed in"),
        (SignInFailed, "登录失败", "Sign-in failed"),
        (SignInLockedOut, "账户被锁定", "Locked out"),
        (SignOut, "退出登录", "Signed out"),
        (UserCreate, "新建用户", "User created"),
        (UserResetPassword, "重置密码", "Password reset"),
        (UserChangePassword, "修改密码", "Password changed"),
        (UserLock, "锁定用户", "User locked"),
        (UserUnlock, "解锁用户", "User unlocked"),
        (DefinitionCreate, "新建流程定义", "Definition created"),
        (DefinitionPublish, "发布流程定义", "Definition published"),
        (DefinitionRetract, "撤回发布", "Definition retracted"),
        (DefinitionRevert, "恢复旧版本", "Version reverted"),
        (DefinitionDelete, "删除流程定义", "Definition deleted"),
        (DefinitionDeleteVersion, "删除版本", "Version deleted"),
        (DefinitionImport, "导入流程定义", "Definition imported"),
        (TaskAudit.Open, "任务生成", "Task opened"),
        (TaskAudit.Claim, "认领任务", "Task claimed"),
        (TaskAudit.Release, "退回待认领", "Task released"),
        (TaskAudit.Reassign, "转派任务", "Task reassigned"),
        (TaskAudit.Complete, "办结任务", "Task completed"),
        (TaskAudit.Note, "添加备注", "Note added"),
        (TaskAudit.Attachment, "添加附件", "Attachment added"),
        (TaskAudit.ExtensionRequest, "申请延期", "Extension requested"),
        (TaskAudit.ExtensionApprove, "批准延期", "Extension approved"),
        (TaskAudit.ExtensionDeny, "不批准延期", "Extension denied"),
        (TaskAudit.Urge, "催办", "Urged"),
        (TaskAudit.Overdue, "任务逾期", "Task overdue"),
        (TaskAudit.Cancel, "任务取消", "Task cancelled"),
        ("notification.resend", "重发通知", "Notification resent"),
        ("notification.template.save", "修改消息模板", "Template saved"),
        ("notification.template.reset", "恢复默认模板", "Template reset"),
        (Cases.CaseAuditActions.CaseStart, "启动办理程序", "Case started"),
        (Cases.CaseAuditActions.CaseFinish, "案件办结", "Case finished"),
        (Cases.CaseAuditActions.CaseCancel, "案件撤销", "Case cancelled"),
        (Cases.CaseAuditActions.FilingRecord, "登记备案", "Filing recorded"),
        .. District.DistrictAudit.Known,
    ];

    public static string Name(string action, bool chinese)
    {
        foreach (var known in Known)
            if (known.Action == action) return chinese ? known.Chinese : known.English;
        return action;
    }
}

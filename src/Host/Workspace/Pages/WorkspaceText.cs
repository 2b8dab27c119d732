using Workflows.Host.Studio;

namespace Workflows.Host.Workspace.Pages;

/// <summary>The words of the workspace pages in one language; the frame's own words stay in <see cref="AdminText"/>.</summary>
internal sealed class WorkspaceText
{
    public static WorkspaceText For(AdminLanguage language) => language.Code == AdminLanguage.English.Code ? English : Chinese;

    public bool IsChinese { get; private init; }
    public required string Product { get; init; }
    public required string Home { get; init; }
    public required string SignIn { get; init; }
    public required string UserName { get; init; }
    public required string Password { get; init; }
    public required string SignInButton { get; init; }
    public required string SignInFailed { get; init; }
    public required string SignedOut { get; init; }
    public required string ChangePasswordTitle { get; init; }
    public required string CurrentPassword { get; init; }
    public required string NewPassword { get; init; }
    public required string ConfirmPassword { get; init; }
    public required string PasswordsDiffer { get; init; }
    public required string PasswordChanged { get; init; }
    public required string Save { get; init; }
    public required string Required { get; init; }
    public required string PasswordHint { get; init; }
    public required string DeniedTitle { get; init; }
    public required string Denied { get; init; }
    public required string BackHome { get; init; }
    public required string Welcome { get; init; }
    public required string InboxComing { get; init; }
    public required string AdminEntry { get; init; }
    public required string YourUnit { get; init; }
    public required string YourRole { get; init; }
    public required string UsersTitle { get; init; }
    public required string NewUser { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
    public required string Unit { get; init; }
    public required string InitialPassword { get; init; }
    public required string Create { get; init; }
    public required string Status { get; init; }
    public required string Active { get; init; }
    public required string Locked { get; init; }
    public required string LockedUntil { get; init; }
    public required string CreatedAt { get; init; }
    public required string Actions { get; init; }
    public required string ResetPassword { get; init; }
    public required string Lock { get; init; }
    public required string Unlock { get; init; }
    public required string ChooseUnit { get; init; }
    public required string ChooseRole { get; init; }
    public required string NoUnit { get; init; }
    public required string UserCreated { get; init; }
    public required string PasswordReset { get; init; }
    public required string UserLocked { get; init; }
    public required string UserUnlocked { get; init; }
    public required string AuditTitle { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public required string AnyAction { get; init; }
    public required string ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Filter { get; init; }
    public required string Time { get; init; }
    public required string Resource { get; init; }
    public required string Before { get; init; }
    public required string After { get; init; }
    public required string Request { get; init; }
    public required string NoEntries { get; init; }
    public required string Previous { get; init; }
    public required string Next { get; init; }
    public required string PageOf { get; init; }

    public static readonly WorkspaceText Chinese = new()
    {
        IsChinese = true,
        Product = "物业管理工作平台",
        Home = "工作台",
        SignIn = "登录",
        UserName = "用户名",
        Password = "密码",
        SignInButton = "登录",
        SignInFailed = "用户名或密码不正确，或账户已被锁定（连续 5 次失败后锁定 15 分钟，可联系系统管理员解锁）。",
        SignedOut = "您已退出登录。",
        ChangePasswordTitle = "修改密码",
        CurrentPassword = "当前密码",
        NewPassword = "新密码",
        ConfirmPassword = "确认新密码",
        PasswordsDiffer = "两次输入的新密码不一致。",
        PasswordChanged = "密码已修改。",
        Save = "保存",
        Required = "必填。",
        PasswordHint = "至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少 3 种，不能包含用户名。",
        DeniedTitle = "无权访问",
        Denied = "您的账户没有访问此页面的权限。",
        BackHome = "返回工作台",
        Welcome = "欢迎",
        InboxComing = "请在“我的待办”中查看和办理本单位的任务。",
        AdminEntry = "进入管理后台",
        YourUnit = "所属单位",
        YourRole = "角色",
        UsersTitle = "用户管理",
        NewUser = "新建用户",
        DisplayName = "姓名",
        Role = "角色",
        Unit = "所属单位",
        InitialPassword = "初始密码",
        Create = "创建",
        Status = "状态",
        Active = "正常",
        Locked = "已锁定",
        LockedUntil = "锁定至",
        CreatedAt = "创建时间",
        Actions = "操作",
        ResetPassword = "重置密码",
        Lock = "锁定",
        Unlock = "解锁",
        ChooseUnit = "请选择单位",
        ChooseRole = "请选择角色",
        NoUnit = "（无，系统管理员）",
        UserCreated = "已创建用户",
        PasswordReset = "已重置密码：",
        UserLocked = "已锁定用户：",
        UserUnlocked = "已解锁用户：",
        AuditTitle = "审计日志",
        Actor = "操作人",
        Action = "操作",
        AnyAction = "全部操作",
        ResourceType = "资源类型",
        ResourceId = "资源编号",
        From = "开始日期",
        To = "结束日期",
        Filter = "查询",
        Time = "时间（北京时间）",
        Resource = "资源",
        Before = "变更前",
        After = "变更后",
        Request = "请求号",
        NoEntries = "没有符合条件的记录。",
        Previous = "上一页",
        Next = "下一页",
        PageOf = "第 {0} / {1} 页，共 {2} 条",
    };

    public static readonly WorkspaceText English = new()
    {
        IsChinese = false,
        Product = "Property management workspace",
        Home = "Workspace",
        SignIn = "Sign in",
        UserName = "User name",
        Password = "Password",
        SignInButton = "Sign in",
        SignInFailed = "Wrong user name or password, or the account is locked (5 failures in a row lock it for 15 minutes; an administrator can unlock it).",
        SignedOut = "You have signed out.",
        ChangePasswordTitle = "Change password",
        CurrentPassword = "Current password",
        NewPassword = "New password",
        ConfirmPassword = "Repeat the new password",
        PasswordsDiffer = "The two new passwords differ.",
        PasswordChanged = "Your password has been changed.",
        Save = "Save",
        Required = "Required.",
        PasswordHint = "At least 10 characters, with at least 3 of: lower case, upper case, digits, symbols; not containing the user name.",
        DeniedTitle = "Access denied",
        Denied = "Your account may not open this page.",
        BackHome = "Back to the workspace",
        Welcome = "Welcome",
        InboxComing = "See and work on your unit's tasks in “My inbox”.",
        AdminEntry = "Open administration",
        YourUnit = "Unit",
        YourRole = "Role",
        UsersTitle = "Users",
        NewUser = "New user",
        DisplayName = "Name",
        Role = "Role",
        Unit = "Unit",
        InitialPassword = "Initial password",
        Create = "Create",
        Status = "Status",
        Active = "Active",
        Locked = "Locked",
        LockedUntil = "Locked until",
        CreatedAt = "Created",
        Actions = "Actions",
        ResetPassword = "Reset password",
        Lock = "Lock",
        Unlock = "Unlock",
        ChooseUnit = "Choose a unit",
        ChooseRole = "Choose a role",
        NoUnit = "(none, administrator)",
        UserCreated = "Created user",
        PasswordReset = "Password reset: ",
        UserLocked = "Locked: ",
        UserUnlocked = "Unlocked: ",
        AuditTitle = "Audit log",
        Actor = "By",
        Action = "Action",
        AnyAction = "Any action",
        ResourceType = "Resource type",
        ResourceId = "Resource id",
        From = "From",
        To = "To",
        Filter = "Filter",
        Time = "Time (China)",
        Resource = "Resource",
        Before = "Before",
        After = "After",
        Request = "Request",
        NoEntries = "No entries match.",
        Previous = "Previous",
        Next = "Next",
        PageOf = "Page {0} of {1}, {2} entries",
    };

    public string RoleName(string role) => IsChinese ? Security.Roles.ChineseName(role) : Security.Roles.EnglishName(role);
}

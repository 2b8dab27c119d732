namespace Workflows.Host.Studio;

/// <summary>The admin frame's own words in one language. The Studio elements translate themselves (partly).</summary>
internal sealed record AdminText(
    string AppName,
    string Definitions,
    string Instances,
    string EditDefinition,
    string ViewInstance,
    string OtherLanguageName,
    string OtherLanguageCode,
    string Loading,
    string UnhandledError,
    string Reload,
    string Users,
    string Audit,
    string ChangePassword,
    string SignOut,
    string Deliveries,
    string Templates)
{
    public static readonly AdminText Chinese = new(
        AppName: "工作流管理",
        Definitions: "流程定义",
        Instances: "流程实例",
        EditDefinition: "编辑流程定义",
        ViewInstance: "查看流程实例",
        OtherLanguageName: "English",
        OtherLanguageCode: "en",
        Loading: "正在加载流程设计器…",
        UnhandledError: "页面发生错误。",
        Reload: "重新加载",
        Users: "用户管理",
        Audit: "审计日志",
        ChangePassword: "修改密码",
        SignOut: "退出登录",
        Deliveries: "发送记录",
        Templates: "消息模板");

    public static readonly AdminText English = new(
        AppName: "Workflow administration",
        Definitions: "Workflow definitions",
        Instances: "Workflow instances",
        EditDefinition: "Edit workflow definition",
        ViewInstance: "Workflow instance",
        OtherLanguageName: "中文",
        OtherLanguageCode: "zh",
        Loading: "Loading the workflow designer…",
        UnhandledError: "An error has occurred.",
        Reload: "Reload",
        Users: "Users",
        Audit: "Audit log",
        ChangePassword: "Change password",
        SignOut: "Sign out",
        Deliveries: "Delivery log",
        Templates: "Message templates");
}

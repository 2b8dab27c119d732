namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary>Palette groups of the built-in activities (Simplified Chinese: the designer's users are Chinese officers).</summary>
internal static class Categories
{
    public const string Flow = "流程控制";
    public const string Primitives = "基础";
    public const string Scheduling = "定时";
    public const string Email = "邮件";
    public const string Scripting = "脚本";
}

using System.Globalization;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Pages;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Cases;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Tasks;

/// <summary><c>/tasks</c>: 我的待办 with its tabs, the lights and the filters; supervisors also see the extension requests to decide.</summary>
internal static class InboxPage
{
    public const string Approvals = "approvals";

    public static async Task<string> RenderAsync(HttpContext context, TaskQueries queries, CancellationToken ct)
    {
        var language = AdminLanguage.Resolve(context);
        var text = TaskText.For(language);
        var query = context.Request.Query;
        var tab = query["tab"].ToString() is { Length: > 0 } t && (TaskScopes.All.Contains(t) || t == Approvals) ? t : TaskScopes.Mine;
        var filter = new TaskFilter(tab, Blank(query["procedure"]), Blank(query["compoundId"]), Blank(query["status"]));
        var tabs = new[] { (TaskScopes.Mine, text.Mine), (TaskScopes.Unit, text.Unit), (TaskScopes.Done, text.Done), (TaskScopes.Below, text.Below), (Approvals, text.Approvals) };
        var tabLinks = string.Concat(tabs.Select(x => $"<a href=\"{TaskPaths.Inbox}?tab={x.Item1}\"{(x.Item1 == tab ? " class=\"active\"" : "")}>{E(x.Item2)}</a>"));
        var body = tab == Approvals
            ? ApprovalsTable(text, await queries.ExtensionsAsync(pendingOnly: false, ct))
            : Filters(text, tab, filter) + TaskTable(text, tab, await queries.ListAsync(filter, ct));
        return PageFrame.Render(text.Inbox, language, context, TaskPageStyle.Css + $"<nav class=\"tabs\">{tabLinks}</nav>{body}");
    }

    private static string? Blank(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString();

    private static string Filters(TaskText text, string tab, TaskFilter filter)
    {
        var procedures = string.Concat(ProcedureCatalog.All.Select(p => $"<option value=\"{E(p.DefinitionId)}\"{Selected(p.DefinitionId == filter.Procedure)}>{E(p.Code + " " + p.Name)}</option>"));
        var statuses = string.Concat(new[] { "Open", "Claimed", "Done", "Cancelled" }.Select(s => $"<option value=\"{s}\"{Selected(s == filter.Status)}>{E(StatusName(text, s))}</option>"));
        return $"""
            <form class="filters panel" method="get" action="{TaskPaths.Inbox}">
              <input type="hidden" name="tab" value="{E(tab)}">
              <div><label for="procedure">{E(text.Procedure)}</label><select id="procedure" name="procedure"><option value="">{E(text.Any)}</option>{procedures}</select></div>
              <div><label for="compoundId">{E(text.Compound)}</label><input type="text" id="compoundId" name="compoundId" value="{E(filter.CompoundId)}"></div>
              <div><label for="status">{E(text.Status)}</label><select id="status" name="status"><option value="">{E(text.Any)}</option>{statuses}</select></div>
              <button type="submit" class="small">{E(text.Filter)}</button>
            </form>
            """;
    }

    private static string StatusName(TaskText text, string status) => (status, text.IsChinese) switch
    {
        ("Open", true) => "待办", ("Claimed", true) => "办理中", ("Done", true) => "已办结", ("Cancelled", true) => "已取消",
        _ => status,
    };

    private static string TaskTable(TaskText text, string tab, IReadOnlyList<TaskListItem> tasks)
    {
        if (tasks.Count == 0) return $"<p class=\"muted\">{E(text.Empty)}</p>";
        var rows = string.Concat(tasks.Select(t => $"""
            <tr data-task-id="{E(t.Id)}" data-case-id="{E(t.CaseId)}">
              <td><span class="light {E(t.Light)}" data-light="{E(t.Light)}">{E(tab == TaskScopes.Done ? StatusName(text, t.Status) : text.IsChinese ? t.TimeLeft : t.TimeLeftEnglish)}</span></td>
              <td><a href="{TaskPaths.Task(t.Id)}">{E(t.Title)}</a></td>
              <td>{E(t.Unit.Name)}</td>
              <td>{E(t.ProcedureName)}</td>
              <td>{E(t.CompoundName ?? t.CompoundId)}</td>
              <td class="nowrap">{E(t.DueDate ?? text.NoDeadline)}</td>
              <td>{E(StatusName(text, t.Status))}{(t.ClaimedBy is { } by ? " · " + E(by) : "")}</td>
            </tr>
            """));
        return $"""
            <table class="tasks">
              <thead><tr><th>{E(text.TimeLeft)}</th><th>{E(text.Task)}</th><th>{E(text.Unit2)}</th><th>{E(text.Procedure)}</th><th>{E(text.Compound)}</th><th>{E(text.Due)}</th><th>{E(text.Status)}</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """;
    }

    private static string ApprovalsTable(TaskText text, IReadOnlyList<TaskExtensionView> extensions)
    {
        if (extensions.Count == 0) return $"<p class=\"muted\">{E(text.Empty)}</p>";
        var rows = string.Concat(extensions.Select(x => $"""
            <tr data-extension-id="{E(x.Id)}">
              <td><a href="{TaskPaths.Task(x.TaskId)}">{E(x.TaskTitle)}</a></td>
              <td>{E(x.Unit.Name)} · {E(x.RequestedBy)}</td>
              <td>{E(x.Reason)}</td>
              <td class="nowrap">{E(x.CurrentDueDate)} → {E(x.ProposedDueDate)}</td>
              <td>{E(text.IsChinese ? x.StatusName : x.Status)}</td>
            </tr>
            """));
        return $"""
            <table class="extensions">
              <thead><tr><th>{E(text.Task)}</th><th>{E(text.Requested)}</th><th>{E(text.Reason)}</th><th>{E(text.Due)}</th><th>{E(text.Status)}</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """;
    }

    public static string Date(DateTimeOffset at) =>
        ChinaTime.ToChinaTime(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

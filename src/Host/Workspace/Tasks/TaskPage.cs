using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Pages;
using Workflows.PropertyManagement.Tasks;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>
/// <c>/tasks/{id}</c>: the task with its light, the case it belongs to (linked to the case page), the form its activity
/// defines, and the actions the caller may take. Read-only for a supervising unit.
/// </summary>
internal static class TaskPage
{
    public static string Render(HttpContext context, TaskDetail detail, IReadOnlyList<TaskExtensionView> toDecide, string? notice,
        IReadOnlyDictionary<string, string[]>? errors, IFormCollection? posted)
    {
        var language = AdminLanguage.Resolve(context);
        var text = TaskText.For(language);
        var task = detail.Task;
        var me = context.User.Identity?.Name;
        var active = task.Status is nameof(OfficerTaskStatus.Open) or nameof(OfficerTaskStatus.Claimed);
        var top = (notice is null ? "" : $"<p class=\"message\">{E(notice)}</p>")
                  + (errors is { Count: > 0 } ? $"<div class=\"error\" role=\"alert\">{string.Concat(errors.Values.SelectMany(m => m).Select(m => $"<div>{E(m)}</div>"))}</div>" : "");
        var caseLink = detail.Case is { } c
            ? $"<dt>{E(text.Case)}</dt><dd><a href=\"/cases/{Uri.EscapeDataString(c.CaseId)}\">{E(c.Title)}</a> · {E(c.ProcedureName)} · {E(c.CompoundName ?? c.CompoundId)}</dd>"
            : "";
        var facts = $"""
            <div class="panel">
              <p><span class="light {E(detail.Timing.Light)}" data-light="{E(detail.Timing.Light)}">{E(active ? text.TimeLeftOf(detail.Timing) : task.StatusName)}</span></p>
              <dl class="facts">
                {caseLink}
                <dt>{E(text.Unit2)}</dt><dd>{E(task.Unit.Name)}</dd>
                <dt>{E(text.Status)}</dt><dd data-status="{E(task.Status)}">{E(task.StatusName)}{(detail.ClaimedBy is { } by ? " · " + E(by) : "")}</dd>
                <dt>{E(text.Due)}</dt><dd>{E(task.DueDate ?? text.NoDeadline)}{(task.Period is { } p ? $"（{E(p)}）" : "")}<div class="muted">{E(task.DueExplanation)}</div></dd>
                {(task.Instructions is { } i ? $"<dt>{E(text.Instructions)}</dt><dd>{E(i)}</dd>" : "")}
                {(task.Outcome is { } o ? $"<dt>{E(text.Outcome)}</dt><dd>{E(o)}</dd>" : "")}
              </dl>
            </div>
            """;
        var actions = !detail.CanAct ? $"<p class=\"muted\">{E(text.ReadOnly)}</p>" : active ? Actions(context, text, detail, me, errors, posted) : "";
        var decisions = string.Concat(toDecide.Where(x => x.Status == nameof(TaskExtensionStatus.Pending)).Select(x => Decision(context, text, x)));
        return PageFrame.Render(task.Title, language, context,
            TaskPageStyle.Css + top + facts + decisions + actions + Notes(text, detail) + Extensions(text, detail) + History(text, detail)
            + $"<p><a href=\"{TaskPaths.Inbox}\">{E(text.Back)}</a></p>");
    }

    private static string Actions(HttpContext context, TaskText text, TaskDetail detail, string? me, IReadOnlyDictionary<string, string[]>? errors,
        IFormCollection? posted)
    {
        var task = detail.Task;
        var path = TaskPaths.Task(task.Id);
        var token = AntiforgeryField(context);
        var revision = $"<input type=\"hidden\" name=\"revision\" value=\"{task.Revision}\">";
        var claimedByOther = detail.ClaimedBy is { } by && by != me;
        var claim = detail.ClaimedBy is null
            ? $"<form method=\"post\" action=\"{path}/claim\">{token}{revision}<button type=\"submit\" class=\"primary\">{E(text.Claim)}</button></form>"
            : $"<form method=\"post\" action=\"{path}/release\">{token}{revision}<button type=\"submit\" class=\"small\">{E(text.Release)}</button></form>";
        var reassign = $"""
            <form method="post" action="{path}/reassign">{token}{revision}
              <label for="userName">{E(text.ReassignTo)}</label><input type="text" id="userName" name="userName" value="{E(posted?["userName"])}">
              <button type="submit" class="small">{E(text.Reassign)}</button>{Errors(errors, "userName")}
            </form>
            """;
        var complete = claimedByOther ? "" : CompleteForm(context, text, task, errors, posted);
        var extension = task.DueDate is null ? "" : $"""
            <form method="post" action="{path}/extension">{token}
              <h2>{E(text.Extension)}</h2>
              <label for="reason">{E(text.ExtensionReason)}</label><textarea id="reason" name="reason">{E(posted?["reason"])}</textarea>{Errors(errors, "reason")}
              <label for="proposedDueDate">{E(text.ProposedDueDate)}</label><input type="date" id="proposedDueDate" name="proposedDueDate" value="{E(posted?["proposedDueDate"])}">{Errors(errors, "proposedDueDate")}
              <div><button type="submit" class="small">{E(text.RequestExtension)}</button></div>
            </form>
            """;
        var note = $"""
            <form method="post" action="{path}/notes">{token}
              <h2>{E(text.Notes)}</h2>
              <label for="noteText">{E(text.NoteText)} / {E(text.AttachmentName)}</label><input type="text" id="noteText" name="text">{Errors(errors, "text")}
              <label for="reference">{E(text.AttachmentReference)}</label><input type="text" id="reference" name="reference">
              <div><button type="submit" class="small">{E(text.AddNote)}</button></div>
            </form>
            """;
        return $"<div class=\"actions\">{complete}<div>{claim}{reassign}</div>{extension}{note}</div>";
    }

    private static string CompleteForm(HttpContext context, TaskText text, TaskView task, IReadOnlyDictionary<string, string[]>? errors, IFormCollection? posted)
    {
        var fields = string.Concat(task.FormFields.Select(f => Field(f, posted?["form." + f.Name].ToString(), errors)));
        var outcomes = task.Outcomes.Count == 0 ? "" : $"""
            <label for="outcome">{E(text.Outcome)}<span class="required">*</span></label>
            <select id="outcome" name="outcome"><option value=""></option>{string.Concat(task.Outcomes.Select(o => $"<option{Selected(posted?["outcome"].ToString() == o)}>{E(o)}</option>"))}</select>
            {Errors(errors, "outcome")}
            """;
        // A fresh operation id per rendering: a double click or a resent form completes once.
        return $"""
            <form method="post" action="{TaskPaths.Task(task.Id)}/complete" class="complete">{AntiforgeryField(context)}
              <h2>{E(text.Form)}</h2>
              <input type="hidden" name="revision" value="{task.Revision}">
              <input type="hidden" name="operationId" value="{Guid.NewGuid():N}">
              {fields}{outcomes}
              <label for="note">{E(text.Note)}</label><textarea id="note" name="note">{E(posted?["note"])}</textarea>
              <div><button type="submit" class="primary">{E(text.Complete)}</button></div>
            </form>
            """;
    }

    private static string Field(FormField field, string? value, IReadOnlyDictionary<string, string[]>? errors)
    {
        var name = "form." + field.Name;
        var id = "f-" + field.Name;
        var label = $"<label for=\"{E(id)}\">{E(field.Label)}{(field.Required && field.Default is null ? "<span class=\"required\">*</span>" : "")}</label>";
        value = string.IsNullOrEmpty(value) ? field.Default : value;
        var input = field.Type switch
        {
            FormFieldTypes.MultiLine => $"<textarea id=\"{E(id)}\" name=\"{E(name)}\">{E(value)}</textarea>",
            FormFieldTypes.Date => $"<input type=\"date\" id=\"{E(id)}\" name=\"{E(name)}\" value=\"{E(value)}\">",
            FormFieldTypes.Number => $"<input type=\"text\" inputmode=\"decimal\" id=\"{E(id)}\" name=\"{E(name)}\" value=\"{E(value)}\">",
            FormFieldTypes.Choice => $"<select id=\"{E(id)}\" name=\"{E(name)}\"><option value=\"\"></option>{string.Concat((field.Options ?? []).Select(o => $"<option{Selected(o == value)}>{E(o)}</option>"))}</select>",
            FormFieldTypes.Boolean => $"<select id=\"{E(id)}\" name=\"{E(name)}\"><option value=\"\"></option><option value=\"true\"{Selected(value == "true")}>是</option><option value=\"false\"{Selected(value == "false")}>否</option></select>",
            _ => $"<input type=\"text\" id=\"{E(id)}\" name=\"{E(name)}\" value=\"{E(value)}\">",
        };
        return label + input + Errors(errors, name);
    }

    private static string Decision(HttpContext context, TaskText text, TaskExtensionView x) => $"""
        <form method="post" class="panel decision" action="{TaskPaths.Extension(x.Id)}">{AntiforgeryField(context)}
          <h2>{E(text.Extension)}：{E(x.Unit.Name)} · {E(x.RequestedBy)}</h2>
          <p>{E(x.Reason)}</p><p>{E(x.CurrentDueDate)} → <strong>{E(x.ProposedDueDate)}</strong></p>
          <input type="hidden" name="revision" value="{x.Revision}">
          <label for="decisionNote">{E(text.DecisionNote)}</label><input type="text" id="decisionNote" name="note">
          <div><button type="submit" name="decision" value="approve" class="primary">{E(text.Approve)}</button>
               <button type="submit" name="decision" value="deny" class="small">{E(text.Deny)}</button></div>
        </form>
        """;

    private static string Notes(TaskText text, TaskDetail detail) => detail.Notes.Count == 0 ? "" : $"""
        <div class="panel"><h2>{E(text.Notes)}</h2><ul>{string.Concat(detail.Notes.Select(n =>
            $"<li>{E(InboxPage.Date(n.At))} {E(n.By)}：{E(n.Text)}{(n.Reference is { } r ? $"（{Link(r)}）" : "")}</li>"))}</ul></div>
        """;

    /// <summary>A reference that is a web address becomes a link; a document number stays text.</summary>
    private static string Link(string reference) =>
        Uri.TryCreate(reference, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<a href=\"{E(uri.AbsoluteUri)}\" rel=\"noopener noreferrer\" target=\"_blank\">{E(reference)}</a>"
            : E(reference);

    private static string Extensions(TaskText text, TaskDetail detail) => detail.Extensions.Count == 0 ? "" : $"""
        <div class="panel"><h2>{E(text.Extensions)}</h2><ul>{string.Concat(detail.Extensions.Select(x =>
            $"<li data-extension-status=\"{E(x.Status)}\">{E(InboxPage.Date(x.RequestedAt))} {E(x.RequestedBy)}：{E(x.CurrentDueDate)} → {E(x.ProposedDueDate)}，{E(x.Reason)} — {E(x.StatusName)}{(x.DecidedBy is { } d ? $"（{E(d)}{(x.DecisionNote is { } n ? "：" + E(n) : "")}）" : "")}</li>"))}</ul></div>
        """;

    private static string History(TaskText text, TaskDetail detail) => $"""
        <div class="panel"><h2>{E(text.History)}</h2><table><tbody>{string.Concat(detail.History.Select(h =>
            $"<tr><td class=\"nowrap\">{E(InboxPage.Date(h.At))}</td><td>{E(text.IsChinese ? h.ActionName : h.Action)}</td><td>{E(h.Actor)}</td></tr>"))}</tbody></table></div>
        """;
}

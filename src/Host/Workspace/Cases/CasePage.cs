using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Pages;
using Workflows.Host.Workspace.Users;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Filings;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Cases;

/// <summary>
/// <c>/cases/{caseId}</c>: a case's header, timeline, open and done tasks, filings (with the form to record one, for
/// its authority), upcoming deadlines and owners' votes. Another unit's case is a 404 like a missing one.
/// </summary>
internal static class CasePage
{
    /// <summary>The same window as the task inbox (<c>Workspace:WarningDays</c>), so a task has one colour everywhere.</summary>
    private static int WarningDays(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Tasks.WorkspaceOptions>>().Value.WarningDays;

    public static string PathOf(string caseId) => $"/cases/{Uri.EscapeDataString(caseId)}";

    public static IEndpointRouteBuilder MapCasePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cases/{caseId}", async (string caseId, string? recorded, HttpContext context, CaseQueries queries, UnitGuard guard,
                CancellationToken ct) =>
            await ShowAsync(caseId, context, queries, guard, recorded is null ? null : CaseText.For(AdminLanguage.Resolve(context)).FilingRecorded, null, ct))
            .RequireAuthorization(Policies.Officer)
            .ExcludeFromDescription();

        app.MapPost("/cases/{caseId}/filings/{filingId}/record", async (string caseId, string filingId, HttpContext context, CaseQueries queries,
                UnitGuard guard, FilingRecording recording, CancellationToken ct) =>
            {
                var form = await context.Request.ReadFormAsync(ct);
                // The case must be within reach and hold the filing; the recording itself checks the authority.
                var view = await queries.GetAsync(caseId, ct);
                if (view is null || !await guard.CanSeeAsync("case", caseId, view.Compound.Id, ct) || view.Filings.All(f => f.Id != filingId))
                    return NotFound(context);
                var result = await recording.RecordForAuthorityAsync(filingId, new RecordFilingRequest(form["filedOn"], form["receiptNumber"]), guard,
                    context.User.Identity?.Name, ct);
                return result switch
                {
                    FilingRecording.Recorded => TypedResults.Redirect($"{PathOf(caseId)}?recorded={Uri.EscapeDataString(filingId)}"),
                    FilingRecording.NotFound => NotFound(context),
                    FilingRecording.Invalid i => await ShowAsync(caseId, context, queries, guard, null, new FormProblem(filingId, i.Errors, StatusCodes.Status400BadRequest), ct),
                    FilingRecording.Conflict c => await ShowAsync(caseId, context, queries, guard, null, FormProblem.Single(filingId, c.Message, StatusCodes.Status409Conflict), ct),
                    FilingRecording.Blocked b => await ShowAsync(caseId, context, queries, guard, null, FormProblem.Single(filingId, b.Message, StatusCodes.Status422UnprocessableEntity), ct),
                    _ => throw new InvalidOperationException($"Unexpected result {result}."),
                };
            })
            .RequireAuthorization(Policies.Officer)
            .RequireAntiforgeryToken()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A refused form post: field errors under the filing's form, and the status to answer with.</summary>
    private sealed record FormProblem(string FilingId, IReadOnlyDictionary<string, string[]> Errors, int Status)
    {
        public static FormProblem Single(string filingId, string message, int status) => new(filingId, new Dictionary<string, string[]> { ["form"] = [message] }, status);
    }

    private static async Task<IResult> ShowAsync(string caseId, HttpContext context, CaseQueries queries, UnitGuard guard, string? message,
        FormProblem? problem, CancellationToken ct)
    {
        var view = await queries.GetAsync(caseId, ct);
        if (view is null || !await guard.CanSeeAsync("case", caseId, view.Compound.Id, ct)) return NotFound(context);
        var services = context.RequestServices;
        var officer = services.GetRequiredService<ICurrentOfficer>();
        var jurisdiction = services.GetRequiredService<IJurisdiction>();
        var db = services.GetRequiredService<WorkflowsDbContext>();
        var language = AdminLanguage.Resolve(context);
        var text = CaseText.For(language);
        var community = await ParentAsync(jurisdiction, view.Compound.Id, ct);
        var street = community is null ? null : await ParentAsync(jurisdiction, community.Id, ct);
        var authorities = await db.Set<Filing>().AsNoTracking().Where(f => f.CaseId == caseId)
            .Select(f => new { f.Id, f.AuthorityUnitId }).ToDictionaryAsync(f => f.Id, f => f.AuthorityUnitId, ct);
        var recordable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in view.Filings.Where(f => f.Status is nameof(FilingStatus.Pending) or nameof(FilingStatus.Overdue)))
            if (authorities.TryGetValue(f.Id, out var unit) && await officer.CanActForAsync(unit, ct)) recordable.Add(f.Id);
        var timeline = await services.GetRequiredService<CaseTimeline>().BuildAsync(view, text, ct);
        var today = ChinaTime.ToLocalDate(services.GetRequiredService<TimeProvider>().GetUtcNow());

        var studio = officer.IsAdmin
            ? $"<p><a id=\"studio-link\" href=\"{E(StudioPaths.Instance(view.WorkflowInstanceId))}\">{E(text.StudioLink)}</a></p>"
            : "";
        var body = $"""
            <style>{DeadlineLight.Css}</style>
            {(message is null ? "" : $"<p class=\"message\">{E(message)}</p>")}
            <section class="panel" id="case-header">
              <h2>{E(view.Title)}</h2>
              <table>
                <tr><th>{E(text.Procedure)}</th><td id="case-procedure">{E(view.ProcedureName)}</td><th>{E(text.Status)}</th><td id="case-status">{E(text.StatusName(view.Status))}</td></tr>
                <tr><th>{E(text.Compound)}</th><td>{E(view.Compound.Name)}</td><th>{E(text.Started)}</th><td>{Web.PageTime.Minute(view.StartedAt)}</td></tr>
                <tr><th>{E(text.Street)}</th><td>{E(street?.Name)}</td><th>{E(text.Community)}</th><td>{E(community?.Name)}</td></tr>
              </table>
              {studio}
            </section>
            <section class="panel" id="timeline"><h2>{E(text.Timeline)}</h2>
              <table><thead><tr><th class="nowrap">{E(text.Time)}</th><th>{E(text.What)}</th></tr></thead><tbody>
              {string.Concat(timeline.Select(t => $"<tr data-kind=\"{E(t.Kind)}\"><td class=\"nowrap\">{Web.PageTime.Minute(t.At)}</td><td>{E(t.Text)}</td></tr>"))}
              </tbody></table>
            </section>
            <section class="panel" id="open-tasks"><h2>{E(text.OpenTasks)}</h2>{OpenTasks(view.OpenTasks, today, WarningDays(context), text)}</section>
            <section class="panel" id="done-tasks"><h2>{E(text.DoneTasks)}</h2>{DoneTasks(view.DoneTasks, text)}</section>
            <section class="panel" id="filings"><h2>{E(text.Filings)}</h2>{Filings(view.Filings, recordable, problem, today, context, text)}</section>
            <section class="panel" id="deadlines"><h2>{E(text.Deadlines)}</h2>{Deadlines(view.UpcomingDeadlines, WarningDays(context), text)}</section>
            <section class="panel" id="votes"><h2>{E(text.Votes)}</h2>{Votes(view.Votes, text)}</section>
            """;
        return Page(PageFrame.Render($"{text.CaseTitle} · {view.ProcedureName}", language, context, body), problem?.Status ?? StatusCodes.Status200OK);
    }

    private static async Task<JurisdictionUnit?> ParentAsync(IJurisdiction jurisdiction, string unitId, CancellationToken ct) =>
        await jurisdiction.FindAsync(unitId, ct) is { ParentId: { } parent } ? await jurisdiction.FindAsync(parent, ct) : null;

    private static string OpenTasks(IReadOnlyList<TaskView> tasks, DateOnly today, int warningDays, CaseText text)
    {
        if (tasks.Count == 0) return $"<p class=\"muted\">{E(text.NoTasks)}</p>";
        var rows = tasks.Select(t =>
        {
            var daysLeft = t.DueDate is null ? (int?)null : DateOnly.ParseExact(t.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - today.DayNumber;
            var light = daysLeft is { } d ? DeadlineLight.Of(d, t.Overdue, warningDays) : "green";
            return $"""
                <tr data-task-id="{E(t.Id)}" data-light="{light}">
                  <td><span class="light {light}" title="{E(DeadlineLight.Name(light, text))}"></span><a href="/tasks/{Uri.EscapeDataString(t.Id)}">{E(t.Title)}</a></td>
                  <td>{E(t.Unit.Name)}</td><td class="nowrap">{E(t.DueDate)}</td><td class="nowrap">{(daysLeft is { } left ? E(text.Days(left)) : "")}</td><td>{E(t.StatusName)}</td>
                </tr>
                """;
        });
        return $"<table><thead><tr><th>{E(text.Task)}</th><th>{E(text.Unit)}</th><th>{E(text.Due)}</th><th>{E(text.DaysLeft)}</th><th>{E(text.Status)}</th></tr></thead><tbody>{string.Concat(rows)}</tbody></table>";
    }

    private static string DoneTasks(IReadOnlyList<TaskView> tasks, CaseText text) => tasks.Count == 0
        ? $"<p class=\"muted\">{E(text.NoTasks)}</p>"
        : $"<table><thead><tr><th>{E(text.Task)}</th><th>{E(text.Unit)}</th><th>{E(text.Outcome)}</th><th>{E(text.CompletedBy)}</th><th>{E(text.CompletedAt)}</th></tr></thead><tbody>"
          + string.Concat(tasks.Select(t => $"<tr data-task-id=\"{E(t.Id)}\"><td><a href=\"/tasks/{Uri.EscapeDataString(t.Id)}\">{E(t.Title)}</a></td><td>{E(t.Unit.Name)}</td>"
                                             + $"<td>{E(t.Outcome ?? t.StatusName)}</td><td>{E(t.CompletedBy)}</td><td class=\"nowrap\">{(t.CompletedAt is { } at ? Web.PageTime.Minute(at) : "")}</td></tr>"))
          + "</tbody></table>";

    private static string Filings(IReadOnlyList<FilingView> filings, IReadOnlySet<string> recordable, FormProblem? problem, DateOnly today, HttpContext context, CaseText text)
    {
        if (filings.Count == 0) return $"<p class=\"muted\">{E(text.NoTasks)}</p>";
        var rows = filings.Select(f =>
        {
            var errors = problem?.FilingId == f.Id ? problem.Errors : null;
            var form = recordable.Contains(f.Id)
                ? $"""
                  <form method="post" action="{E(PathOf(f.CaseId))}/filings/{Uri.EscapeDataString(f.Id)}/record" class="record-filing">
                    {AntiforgeryField(context)}
                    <label>{E(text.FiledOn)}<input type="date" name="filedOn" max="{today:yyyy-MM-dd}" value="{today:yyyy-MM-dd}"></label>{Errors(errors, "filedOn")}
                    <label>{E(text.Receipt)}<input type="text" name="receiptNumber" maxlength="{FilingRecording.MaxReceiptLength}"></label>{Errors(errors, "receiptNumber")}
                    <button class="small" type="submit">{E(text.Record)}</button>{Errors(errors, "form")}
                  </form>
                  """
                : "";
            var due = DateOnly.ParseExact(f.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var light = f.FiledOn is null ? DeadlineLight.Of(due.DayNumber - today.DayNumber, f.Status == nameof(FilingStatus.Overdue), WarningDays(context)) : "";
            return $"""
                <tr data-filing-id="{E(f.Id)}" data-status="{E(f.Status)}">
                  <td>{(light.Length > 0 ? $"<span class=\"light {light}\"></span>" : "")}{E(f.Title)}<br><span class="muted">{E(f.ResponsibleName)}</span></td>
                  <td>{E(f.AuthorityName)}</td><td class="nowrap">{E(f.CountedFrom)}</td><td class="nowrap" title="{E(f.DueExplanation)}">{E(f.DueDate)}</td>
                  <td class="nowrap">{E(f.FiledOn)}</td><td>{E(f.ReceiptNumber)}</td><td class="filing-status">{E(f.StatusName)}</td><td>{form}</td>
                </tr>
                """;
        });
        return $"<table><thead><tr><th>{E(text.FilingType)}</th><th>{E(text.Authority)}</th><th>{E(text.CountedFrom)}</th><th>{E(text.Due)}</th><th>{E(text.FiledOn)}</th>"
               + $"<th>{E(text.Receipt)}</th><th>{E(text.Status)}</th><th></th></tr></thead><tbody>{string.Concat(rows)}</tbody></table>";
    }

    private static string Deadlines(IReadOnlyList<DeadlineView> deadlines, int warningDays, CaseText text) => deadlines.Count == 0
        ? $"<p class=\"muted\">{E(text.NoTasks)}</p>"
        : "<table><tbody>" + string.Concat(deadlines.Select(d =>
        {
            var light = DeadlineLight.Of(d.DaysLeft, d.Overdue, warningDays);
            return $"<tr data-light=\"{light}\"><td><span class=\"light {light}\"></span>{E(d.Title)}</td><td class=\"nowrap\">{E(d.DueDate)}</td><td class=\"nowrap\">{E(text.Days(d.DaysLeft))}</td></tr>";
        })) + "</tbody></table>";

    private static string Votes(IReadOnlyList<VoteView> votes, CaseText text) => votes.Count == 0
        ? $"<p class=\"muted\">{E(text.NoTasks)}</p>"
        : $"<table><thead><tr><th>{E(text.Subject)}</th><th>{E(text.Participation)}</th><th>{E(text.Approval)}</th><th>{E(text.Thresholds)}</th><th>{E(text.Result)}</th><th>{E(text.DecidedOn)}</th></tr></thead><tbody>"
          + string.Concat(votes.Select(v => $"""
              <tr data-vote-id="{E(v.Id)}">
                <td>{E(v.Subject)}</td>
                <td>{Share(v.ParticipatingArea, v.TotalArea, " ㎡")} · {Share(v.ParticipatingOwners, v.TotalOwners, text.People)}</td>
                <td>{Share(v.ApprovingArea, v.ParticipatingArea, " ㎡")} · {Share(v.ApprovingOwners, v.ParticipatingOwners, text.People)}</td>
                <td>{E(text.ParticipationRule)}；{E(v.MatterName)}</td>
                <td class="vote-result">{E(v.Passed ? text.Passed : text.Failed)}<br><span class="muted">{E(v.Result)}</span></td>
                <td class="nowrap">{E(v.DecidedOn)}</td>
              </tr>
              """))
          + "</tbody></table>";

    /// <summary>"part / whole (percent)", e.g. 48600 ㎡ / 64800 ㎡（75.0%）.</summary>
    private static string Share(decimal part, decimal whole, string unit) =>
        E(string.Create(CultureInfo.InvariantCulture, $"{part:0.##}{unit} / {whole:0.##}{unit}") + (whole > 0 ? $"（{Percent.Of(part / whole)}）" : ""));

    private static IResult NotFound(HttpContext context)
    {
        var language = AdminLanguage.Resolve(context);
        var text = CaseText.For(language);
        return Page(PageFrame.Render(text.CaseTitle, language, context,
            $"<p class=\"error\">{E(text.IsChinese ? "案件不存在。" : "No such case.")}</p><p><a href=\"/cases\">{E(text.Cases)}</a></p>"), StatusCodes.Status404NotFound);
    }
}

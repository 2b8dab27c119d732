using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Pages;
using Workflows.Host.Workspace.Users;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Cases;

/// <summary><c>/cases</c>: the cases within the caller's reach, newest first, filtered by procedure, compound and status.</summary>
internal static class CaseListPage
{
    public const string Path = "/cases";

    public static IEndpointRouteBuilder MapCaseListPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string? procedure, string? compound, string? status, string? unit, HttpContext context, WorkflowsDbContext db, CaseQueries queries,
                ICurrentOfficer officer, IJurisdiction jurisdiction, CancellationToken ct) =>
            {
                var reach = await officer.ReachAsync(ct);
                var visible = reach.All ? null : reach.RootUnitId is { } root ? await jurisdiction.SubtreeAsync(root, ct) : new HashSet<string>();
                // unit: a street or community of the dashboard's links; within reach like everything else.
                var underUnit = string.IsNullOrEmpty(unit) ? null : await jurisdiction.SubtreeAsync(unit, ct);
                var compounds = (await db.Set<Compound>().AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                    .Where(c => (visible is null || visible.Contains(c.Id)) && (underUnit is null || underUnit.Contains(c.Id)))
                    .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
                var cases = new List<(string CompoundName, CaseSummary Case)>();
                foreach (var c in compounds.Where(c => string.IsNullOrEmpty(compound) || c.Id == compound))
                    cases.AddRange((await queries.ForCompoundAsync(c.Id, ct)).Select(s => (c.Name, s)));
                var shown = cases
                    .Where(c => string.IsNullOrEmpty(procedure) || c.Case.Procedure == procedure)
                    .Where(c => string.IsNullOrEmpty(status) || c.Case.Status == status)
                    .OrderByDescending(c => c.Case.StartedAt).ToList();

                var language = AdminLanguage.Resolve(context);
                var text = CaseText.For(language);
                var procedures = $"<option value=\"\">{E(text.AnyProcedure)}</option>" + string.Concat(ProcedureCatalog.All.Select(p =>
                    $"<option value=\"{E(p.DefinitionId)}\"{Selected(p.DefinitionId == procedure)}>{E(p.Code)} {E(p.Name)}</option>"));
                var compoundOptions = $"<option value=\"\">{E(text.AnyCompound)}</option>" + string.Concat(compounds.Select(c =>
                    $"<option value=\"{E(c.Id)}\"{Selected(c.Id == compound)}>{E(c.Name)}</option>"));
                var statuses = $"<option value=\"\">{E(text.AnyStatus)}</option>" + string.Concat(new[] { "Open", "Closed", "Cancelled", "Faulted" }.Select(s =>
                    $"<option value=\"{s}\"{Selected(s == status)}>{E(text.StatusName(s))}</option>"));
                var rows = string.Concat(shown.Select(c => $"""
                    <tr data-case-id="{E(c.Case.CaseId)}">
                      <td><a href="{E(CasePage.PathOf(c.Case.CaseId))}">{E(c.Case.Title)}</a></td><td>{E(c.Case.ProcedureName)}</td><td>{E(c.CompoundName)}</td>
                      <td>{E(text.StatusName(c.Case.Status))}</td><td class="nowrap">{Web.PageTime.Minute(c.Case.StartedAt)}</td>
                    </tr>
                    """));
                var body = $"""
                    <form method="get" action="{Path}" class="panel filters">
                      {(string.IsNullOrEmpty(unit) ? "" : $"<input type=\"hidden\" name=\"unit\" value=\"{E(unit)}\">")}
                      <div><label for="procedure">{E(text.Procedure)}</label><select id="procedure" name="procedure">{procedures}</select></div>
                      <div><label for="compound">{E(text.Compound)}</label><select id="compound" name="compound">{compoundOptions}</select></div>
                      <div><label for="status">{E(text.Status)}</label><select id="status" name="status">{statuses}</select></div>
                      <div><button class="primary" type="submit">{E(text.Filter)}</button></div>
                    </form>
                    {(StartCasePage.MayStart(officer) ? $"<p><a id=\"start-case\" href=\"{StartCasePage.Path}\">{E(text.StartProcedure)}</a></p>" : "")}
                    <table><thead><tr><th>{E(text.CaseTitle)}</th><th>{E(text.Procedure)}</th><th>{E(text.Compound)}</th><th>{E(text.Status)}</th><th>{E(text.Started)}</th></tr></thead>
                    <tbody>{rows}</tbody></table>
                    {(shown.Count == 0 ? $"<p class=\"muted\">{E(text.NoCases)}</p>" : "")}
                    """;
                return Page(PageFrame.Render(text.Cases, language, context, body));
            })
            .RequireAuthorization(Policies.Officer)
            .ExcludeFromDescription();
        return app;
    }
}

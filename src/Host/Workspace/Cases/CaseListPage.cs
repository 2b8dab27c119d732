using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Listing;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Pages;
using Workflows.Host.Workspace.Users;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Cases;

/// <summary><c>/cases</c>: the cases within the caller's reach, newest first, 50 a page, filtered by procedure, compound, status and a search.</summary>
internal static class CaseListPage
{
    public const string Path = "/cases";

    public static IEndpointRouteBuilder MapCaseListPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string? procedure, string? compound, string? status, string? unit, string? q, int? page, HttpContext context,
                WorkflowsDbContext db, CaseListQuery cases, ICurrentOfficer officer, IJurisdiction jurisdiction, CancellationToken ct) =>
            {
                var reach = await officer.ReachAsync(ct);
                var visible = reach.All ? null : reach.RootUnitId is { } root ? await jurisdiction.SubtreeAsync(root, ct) : new HashSet<string>();
                // unit: a street or community of the dashboard's links; within reach like everything else.
                var underUnit = string.IsNullOrEmpty(unit) ? null : await jurisdiction.SubtreeAsync(unit, ct);
                var compounds = (await db.Set<Compound>().AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                    .Where(c => (visible is null || visible.Contains(c.Id)) && (underUnit is null || underUnit.Contains(c.Id)))
                    .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
                var request = new PageRequest(Math.Clamp(page ?? 1, 1, PageRequest.MaxOffset / PageRequest.DefaultPageSize + 1), PageRequest.DefaultPageSize);
                var shown = await cases.PageAsync(new CaseListFilter(procedure, compound, CaseListQuery.Statuses.Contains(status) ? status : null, unit, q), request, ct);

                var language = AdminLanguage.Resolve(context);
                var text = CaseText.For(language);
                var procedures = $"<option value=\"\">{E(text.AnyProcedure)}</option>" + string.Concat(ProcedureCatalog.All.Select(p =>
                    $"<option value=\"{E(p.DefinitionId)}\"{Selected(p.DefinitionId == procedure)}>{E(p.Code)} {E(p.Name)}</option>"));
                var compoundOptions = $"<option value=\"\">{E(text.AnyCompound)}</option>" + string.Concat(compounds.Select(c =>
                    $"<option value=\"{E(c.Id)}\"{Selected(c.Id == compound)}>{E(c.Name)}</option>"));
                var statuses = $"<option value=\"\">{E(text.AnyStatus)}</option>" + string.Concat(new[] { "Open", "Closed", "Cancelled", "Faulted" }.Select(s =>
                    $"<option value=\"{s}\"{Selected(s == status)}>{E(text.StatusName(s))}</option>"));
                var rows = string.Concat(shown.Items.Select(c => $"""
                    <tr data-case-id="{E(c.CaseId)}">
                      <td><a href="{E(CasePage.PathOf(c.CaseId))}">{E(c.Title)}</a></td><td>{E(c.ProcedureName)}</td><td>{E(c.CompoundName)}</td>
                      <td>{E(text.StatusName(c.Status))}</td><td class="nowrap">{Web.PageTime.Minute(c.StartedAt)}</td>
                    </tr>
                    """));
                string PageLink(int to, string label, string id) => $"<a id=\"{id}\" href=\"{E(PageHref(context.Request, to))}\">{E(label)}</a>";
                var pager = $"""
                    <nav class="pager"><span id="page-info">{E(text.PageOf(shown.Page, shown.TotalCount, shown.TotalIsCapped))}</span>
                    {(shown.Page > 1 ? PageLink(shown.Page - 1, text.PreviousPage, "previous-page") : "")}
                    {(shown.Page < shown.PageCount && request.Offset + request.PageSize < PageRequest.MaxOffset ? PageLink(shown.Page + 1, text.NextPage, "next-page") : "")}</nav>
                    """;
                var body = $"""
                    <form method="get" action="{Path}" class="panel filters">
                      {(string.IsNullOrEmpty(unit) ? "" : $"<input type=\"hidden\" name=\"unit\" value=\"{E(unit)}\">")}
                      <div><label for="procedure">{E(text.Procedure)}</label><select id="procedure" name="procedure">{procedures}</select></div>
                      <div><label for="compound">{E(text.Compound)}</label><select id="compound" name="compound">{compoundOptions}</select></div>
                      <div><label for="status">{E(text.Status)}</label><select id="status" name="status">{statuses}</select></div>
                      <div><label for="q">{E(text.Search)}</label><input type="search" id="q" name="q" value="{E(q)}"></div>
                      <div><button class="primary" type="submit">{E(text.Filter)}</button></div>
                    </form>
                    {(StartCasePage.MayStart(officer) ? $"<p><a id=\"start-case\" href=\"{StartCasePage.Path}\">{E(text.StartProcedure)}</a></p>" : "")}
                    <table><thead><tr><th>{E(text.CaseTitle)}</th><th>{E(text.Procedure)}</th><th>{E(text.Compound)}</th><th>{E(text.Status)}</th><th>{E(text.Started)}</th></tr></thead>
                    <tbody>{rows}</tbody></table>
                    {(shown.Items.Count == 0 ? $"<p class=\"muted\">{E(text.NoCases)}</p>" : pager)}
                    """;
                return Page(PageFrame.Render(text.Cases, language, context, body));
            })
            .RequireAuthorization(Policies.Officer)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The same list with the same filters, another page.</summary>
    private static string PageHref(HttpRequest request, int page)
    {
        var query = request.Query.Where(p => p.Key != "page").ToDictionary(p => p.Key, p => p.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Path, query);
    }
}
